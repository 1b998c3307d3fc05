import { randomUUID } from "node:crypto";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { checkDestinationUrl } from "@/lib/webhooks/check-destination-url";
import { createDestinationSecret } from "@/lib/webhooks/destination-secret";
import type { CreateDestinationInput } from "@/lib/webhooks/schemas";
import { serializeDestination } from "@/lib/webhooks/serialize-destination";

// The only response besides rotate-secret that carries the secret: the caller must store it now.
export async function createDestination(db: Db, input: { applicationId: string; actor: AuditActor; data: CreateDestinationInput }) {
  await checkDestinationUrl(input.data.url);
  const id = randomUUID();
  const { secret, sealed } = createDestinationSecret(id);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.webhookDestination.create({
      data: {
        id,
        applicationId: input.applicationId,
        label: input.data.label,
        url: input.data.url,
        enabled: input.data.enabled,
        subscribedEvents: input.data.subscribed_events,
        secret: sealed,
      },
    });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "webhook_destination.created", targetType: "webhook_destination", targetId: id, details: { url: input.data.url, subscribed_events: input.data.subscribed_events } });
    return created;
  });
  return serializeDestination(row, secret);
}
