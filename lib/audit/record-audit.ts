import type { Db, Tx } from "@/lib/db";

export type AuditActor = { type: "user" | "api_key" | "system"; id?: string | null; label?: string | null };

// Append-only audit trail. Pass the transaction when the audited change is written in one.
export async function recordAudit(
  db: Db | Tx,
  input: { actor: AuditActor; action: string; applicationId?: string | null; targetType?: string; targetId?: string; details?: Record<string, unknown> },
): Promise<void> {
  await db.auditLog.create({
    data: {
      applicationId: input.applicationId ?? null,
      actorType: input.actor.type,
      actorId: input.actor.id ?? null,
      actorLabel: input.actor.label ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details: input.details as object | undefined,
    },
  });
}
