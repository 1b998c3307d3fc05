import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { createDestinationSecret } from "@/lib/webhooks/destination-secret";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";
import { serializeDestination } from "@/lib/webhooks/serialize-destination";

// Deliveries are signed with the new secret from now on. The old one is kept for the grace period so
// receivers can accept both while they deploy the new one; during that period a 401/403 answer is
// retried instead of failing the delivery (the receiver most likely still checks the old secret).
export async function rotateDestinationSecret(db: Db, input: { applicationId: string; id: string; actor: AuditActor; graceHours: number }) {
  const current = await findDestinationOrThrow(db, input);
  const { secret, sealed } = createDestinationSecret(input.id);
  const expiresAt = new Date(Date.now() + input.graceHours * 3600 * 1000);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.webhookDestination.update({
      where: { id: input.id },
      data: { secret: sealed, previousSecret: input.graceHours > 0 ? current.secret : null, previousSecretExpiresAt: input.graceHours > 0 ? expiresAt : null },
    });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "webhook_destination.secret_rotated", targetType: "webhook_destination", targetId: input.id, details: { grace_hours: input.graceHours } });
    return updated;
  });
  return serializeDestination(row, secret);
}
