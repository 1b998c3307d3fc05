import type { Tx } from "@/lib/db";
import { matchSubscription } from "@/lib/webhooks/match-subscription";
import { storedEventsSchema, type WebhookType } from "@/lib/webhooks/schemas";
import { wakeWebhookWorker } from "@/lib/webhooks/wake-worker";

export type WebhookPayload = {
  session_id: string | null;
  status: string | null;
  webhook_type: WebhookType;
  [key: string]: unknown;
};

let lastStamp = 0;

// Strictly increasing within the process: deliveries for one session are sent in createdAt order, and
// two events written in the same millisecond (or one transaction) must not tie.
function nextStamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

/**
 * Outbox write: the event plus one pending delivery per enabled destination of the application that
 * subscribes to it. Call it with the transaction that makes the change it announces, so the event exists
 * if and only if the change does. `payload.timestamp` is set by the worker to the send time of each attempt.
 */
export async function enqueueWebhookEvent(
  tx: Tx,
  input: { applicationId: string; sessionId?: string | null; type: WebhookType; payload: WebhookPayload; destinationId?: string },
): Promise<{ eventId: string; deliveryIds: string[] }> {
  const destinations = await tx.webhookDestination.findMany({
    where: { applicationId: input.applicationId, enabled: true, ...(input.destinationId ? { id: input.destinationId } : {}) },
    select: { id: true, subscribedEvents: true },
  });
  const targets = input.destinationId
    ? destinations
    : destinations.filter((d) => matchSubscription({ subscribed: storedEventsSchema.parse(d.subscribedEvents), type: input.type, status: input.payload.status }));
  const createdAt = nextStamp();
  const event = await tx.webhookEvent.create({
    data: { applicationId: input.applicationId, sessionId: input.sessionId ?? null, type: input.type, payload: input.payload as object, createdAt },
  });
  const deliveryIds: string[] = [];
  for (const target of targets) {
    const delivery = await tx.webhookDelivery.create({ data: { eventId: event.id, destinationId: target.id, createdAt, nextAttemptAt: createdAt } });
    deliveryIds.push(delivery.id);
  }
  if (deliveryIds.length) wakeWebhookWorker();
  return { eventId: event.id, deliveryIds };
}
