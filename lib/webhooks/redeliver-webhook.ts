import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker } from "@/lib/webhooks/wake-worker";

// Operator replay: the same delivery (same X-Delivery-Id, so receivers can de-duplicate) goes back in the
// queue for a fresh retry schedule. Refused while an attempt is in flight, which would send it twice.
export async function redeliverWebhook(db: Db, input: { deliveryId: string; applicationId?: string }) {
  const delivery = await db.webhookDelivery.findFirst({
    where: { id: input.deliveryId, ...(input.applicationId ? { event: { applicationId: input.applicationId } } : {}) },
  });
  if (!delivery) throw new AppError("not_found", "No webhook delivery with this id.");
  const now = new Date();
  const requeued = await db.webhookDelivery.updateMany({
    where: { id: delivery.id, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { status: "pending", attempts: 0, nextAttemptAt: now, lockedUntil: null, lockedBy: null, lastError: null },
  });
  if (!requeued.count) throw new AppError("conflict", "An attempt of this delivery is in progress; try again in a moment.");
  wakeWebhookWorker();
  return { delivery_id: delivery.id, status: "pending" };
}
