import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { checkDestinationUrl } from "@/lib/webhooks/check-destination-url";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";
import type { UpdateDestinationInput } from "@/lib/webhooks/schemas";
import { serializeDestination } from "@/lib/webhooks/serialize-destination";

export async function updateDestination(db: Db, input: { applicationId: string; id: string; actor: AuditActor; data: UpdateDestinationInput }) {
  await findDestinationOrThrow(db, input);
  const { data } = input;
  if (data.url !== undefined) await checkDestinationUrl(data.url);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.webhookDestination.update({
      where: { id: input.id },
      data: {
        label: data.label,
        url: data.url,
        enabled: data.enabled,
        subscribedEvents: data.subscribed_events,
        // re-enabling (e.g. after a 410 Gone) clears why it was switched off
        ...(data.enabled === true ? { disabledReason: null } : {}),
      },
    });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "webhook_destination.updated", targetType: "webhook_destination", targetId: input.id, details: { fields: Object.keys(data) } });
    return updated;
  });
  return serializeDestination(row);
}
