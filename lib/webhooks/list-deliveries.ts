import type { Db } from "@/lib/db";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";

// The operator's view of what was sent to a destination: newest first, each with its attempts.
export async function listDeliveries(db: Db, input: { applicationId: string; destinationId: string; limit: number }) {
  await findDestinationOrThrow(db, { applicationId: input.applicationId, id: input.destinationId });
  const rows = await db.webhookDelivery.findMany({
    where: { destinationId: input.destinationId },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    include: { event: { select: { id: true, type: true, sessionId: true } }, tries: { orderBy: { createdAt: "asc" } } },
  });
  return rows.map((row) => ({
    id: row.id,
    event_id: row.event.id,
    event_type: row.event.type,
    session_id: row.event.sessionId,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    last_status_code: row.lastStatusCode,
    last_error: row.lastError,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    attempt_log: row.tries.map((t) => ({ status_code: t.statusCode, latency_ms: t.latencyMs, error: t.error, response_excerpt: t.responseExcerpt, created_at: t.createdAt.toISOString() })),
  }));
}
