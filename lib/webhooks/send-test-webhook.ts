import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-event";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";

// A test event goes through the real outbox and worker (signatures, retries, attempt log) to this one
// destination only, whatever it subscribes to. It looks like a status.updated delivery so the receiver's
// real code path runs; a random session id and metadata.test = true mark it as not about a real session.
export async function sendTestWebhook(db: Db, input: { applicationId: string; id: string }) {
  const destination = await findDestinationOrThrow(db, input);
  if (!destination.enabled) throw new AppError("conflict", "This destination is disabled; enable it (PATCH enabled: true) before sending a test event.");
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    session_id: crypto.randomUUID(),
    status: "Approved",
    webhook_type: "status.updated" as const,
    created_at: now,
    timestamp: now,
    vendor_data: null,
    metadata: { test: true },
    workflow_id: null,
  };
  const { eventId, deliveryIds } = await db.$transaction((tx) =>
    enqueueWebhookEvent(tx, { applicationId: input.applicationId, type: "status.updated", payload, destinationId: destination.id }),
  );
  return { event_id: eventId, delivery_id: deliveryIds[0], status: "pending", payload };
}
