import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getMetrics } from "@/lib/metrics/get-metrics";
import { canonicalize } from "@/lib/webhooks/canonicalize";
import { openDestinationSecret } from "@/lib/webhooks/destination-secret";
import { planNextAttempt } from "@/lib/webhooks/plan-next-attempt";
import { postWebhook } from "@/lib/webhooks/post-webhook";
import type { WebhookSettings } from "@/lib/webhooks/settings";
import { signPayload } from "@/lib/webhooks/sign-payload";

function countAttempt(outcome: "delivered" | "retry" | "fail", queuedMs: number): void {
  const metrics = getMetrics();
  metrics.webhookAttempts.inc({ outcome: outcome === "fail" ? "failed" : outcome });
  if (outcome === "fail") metrics.webhookFailures.inc();
  if (outcome === "delivered") metrics.webhookLag.observe(queuedMs / 1000);
}

// One attempt of one claimed delivery: sign, POST, record the attempt, schedule or settle the delivery.
// Every write is conditional on still holding the lease (lockedBy = token), so a worker whose lease ran
// out cannot overwrite the outcome recorded by the worker that took the delivery over.
export async function deliverOne(db: Db, input: { deliveryId: string; token: string; settings: WebhookSettings }): Promise<void> {
  const delivery = await db.webhookDelivery.findFirst({ where: { id: input.deliveryId, lockedBy: input.token }, include: { event: true, destination: true } });
  if (!delivery) return;
  const { event, destination } = delivery;
  const now = new Date();
  const timestamp = Math.floor(now.getTime() / 1000);
  // the body carries the send time too, so the signed bytes prove freshness and not only the header
  const payload: Record<string, unknown> = { ...(event.payload as Record<string, unknown>), timestamp };
  const body = canonicalize(payload);
  const secret = openDestinationSecret(destination.id, destination.secret);
  const headers = {
    ...signPayload({ body, secret, timestamp, sessionId: (payload.session_id as string | null) ?? null, status: (payload.status as string | null) ?? null, webhookType: String(payload.webhook_type ?? event.type) }),
    "X-Delivery-Id": delivery.id,
    "X-Webhook-Event": event.type,
  };
  const result = await postWebhook({ url: destination.url, body, headers, timeoutMs: input.settings.timeoutMs, allowPrivate: getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS, allowedPorts: getEnv().WEBHOOK_ALLOWED_PORTS });
  const attempts = delivery.attempts + 1;
  const finishedAt = new Date();
  const step = planNextAttempt({
    result,
    attempts,
    firstQueuedAt: delivery.createdAt,
    now: finishedAt,
    retryBaseMs: input.settings.retryBaseMs,
    retryMaxMs: input.settings.retryMaxMs,
    retryWindowMs: input.settings.retryWindowMs,
    inSecretRotationGrace: !!destination.previousSecretExpiresAt && destination.previousSecretExpiresAt > finishedAt,
  });

  const settled = await db.$transaction(async (tx) => {
    const settled = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, lockedBy: input.token },
      data: {
        attempts,
        lastStatusCode: result.statusCode,
        lastError: step.action === "fail" ? step.reason : result.error ?? null,
        lockedUntil: null,
        lockedBy: null,
        status: step.action === "delivered" ? "delivered" : step.action === "fail" ? "failed" : "pending",
        ...(step.action === "delivered" ? { deliveredAt: finishedAt } : {}),
        ...(step.action === "retry" ? { nextAttemptAt: step.at } : {}),
      },
    });
    if (!settled.count) return false;
    await tx.webhookAttempt.create({
      data: { deliveryId: delivery.id, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error ?? null, responseExcerpt: result.responseExcerpt ?? null, createdAt: now },
    });
    if (step.action === "fail" && step.disableDestination) {
      await tx.webhookDestination.update({ where: { id: destination.id }, data: { enabled: false, disabledReason: step.reason } });
    }
    return true;
  });
  if (settled) countAttempt(step.action, finishedAt.getTime() - delivery.createdAt.getTime());
  const fields = { deliveryId: delivery.id, destinationId: destination.id, eventType: event.type, attempt: attempts, statusCode: result.statusCode, latencyMs: result.latencyMs };
  if (step.action === "delivered") logger.info("webhook delivered", fields);
  else if (step.action === "retry") logger.info("webhook attempt failed; will retry", { ...fields, error: result.error, nextAttemptAt: step.at.toISOString() });
  else logger.warn("webhook delivery failed", { ...fields, reason: step.reason });
}
