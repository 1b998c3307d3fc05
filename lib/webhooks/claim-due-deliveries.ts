import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

type Candidate = { id: string; destinationId: string; createdAt: Date; event: { sessionId: string | null } };

const key = (c: Candidate) => `${c.destinationId}|${c.event.sessionId}`;
const earlier = (a: Candidate, b: Candidate) => a.createdAt.getTime() < b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id);

// Per destination and session, only the oldest pending delivery may go: a newer status must never reach
// a receiver before an older one that is still waiting for a retry.
async function keepOldestPerSession(db: Db, candidates: Candidate[]): Promise<Candidate[]> {
  const withSession = candidates.filter((c) => c.event.sessionId !== null);
  if (!withSession.length) return candidates;
  const pending = await db.webhookDelivery.findMany({
    where: {
      status: "pending",
      destinationId: { in: [...new Set(withSession.map((c) => c.destinationId))] },
      event: { sessionId: { in: [...new Set(withSession.map((c) => c.event.sessionId!))] } },
    },
    select: { id: true, destinationId: true, createdAt: true, event: { select: { sessionId: true } } },
  });
  const oldest = new Map<string, Candidate>();
  for (const row of pending) {
    const current = oldest.get(key(row));
    if (!current || earlier(row, current)) oldest.set(key(row), row);
  }
  return candidates.filter((c) => c.event.sessionId === null || oldest.get(key(c))?.id === c.id);
}

/**
 * Claims up to `limit` due deliveries for this worker by setting a lease (lockedUntil/lockedBy). A claim
 * is exclusive: on PostgreSQL the rows are locked with FOR UPDATE SKIP LOCKED inside a transaction, so
 * concurrent workers skip each other's rows instead of waiting; on SQLite writes are serialised and the
 * conditional update (only if unleased or the lease expired) does the same. A lease that runs out
 * (crashed worker) makes the delivery claimable again: at-least-once, never lost.
 */
export async function claimDueDeliveries(db: Db, input: { workerId: string; limit: number; leaseMs: number }): Promise<{ token: string; ids: string[] }> {
  const now = new Date();
  const due = { status: "pending", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] };
  const candidates = await db.webhookDelivery.findMany({
    where: { ...due, destination: { enabled: true } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit * 3,
    select: { id: true, destinationId: true, createdAt: true, event: { select: { sessionId: true } } },
  });
  const eligible = (await keepOldestPerSession(db, candidates)).slice(0, input.limit).map((c) => c.id);
  const token = `${input.workerId}:${randomUUID()}`;
  if (!eligible.length) return { token, ids: [] };
  const lease = { lockedUntil: new Date(now.getTime() + input.leaseMs), lockedBy: token };
  if (getEnv().databaseProvider === "postgresql") {
    await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "WebhookDelivery" WHERE "id" = ANY(${eligible}::text[]) AND "status" = 'pending' FOR UPDATE SKIP LOCKED`;
      if (rows.length) await tx.webhookDelivery.updateMany({ where: { ...due, id: { in: rows.map((r) => r.id) } }, data: lease });
    });
  } else {
    await db.webhookDelivery.updateMany({ where: { ...due, id: { in: eligible } }, data: lease });
  }
  const claimed = await db.webhookDelivery.findMany({ where: { lockedBy: token }, select: { id: true }, orderBy: { createdAt: "asc" } });
  return { token, ids: claimed.map((row) => row.id) };
}
