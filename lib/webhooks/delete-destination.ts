import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";

// Pending deliveries to it go with it (cascade): nothing is sent to a destination after it is deleted.
export async function deleteDestination(db: Db, input: { applicationId: string; id: string; actor: AuditActor }): Promise<void> {
  await findDestinationOrThrow(db, input);
  await db.$transaction(async (tx) => {
    await tx.webhookDestination.delete({ where: { id: input.id } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "webhook_destination.deleted", targetType: "webhook_destination", targetId: input.id });
  });
}
