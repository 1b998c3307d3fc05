import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Soft delete: the rows stay because sessions reference their versions. The default workflow is
// refused (409): integrations may rely on it, so another one is made default (or the flag unset) first.
export async function deleteWorkflow(db: Db, input: { applicationId: string; id: string; actor: AuditActor }): Promise<void> {
  const { applicationId, id, actor } = input;
  await db.$transaction(async (tx) => {
    const workflow = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
    if (!workflow) throw new AppError("not_found", "No workflow with this id.");
    if (workflow.isDefault) {
      throw new AppError("conflict", "This is the default workflow. Make another workflow the default (or PATCH is_default: false) before deleting it.");
    }
    await tx.workflow.update({ where: { id }, data: { deletedAt: new Date(), isDefault: false } });
    await recordAudit(tx, { actor, applicationId, action: "workflow.deleted", targetType: "workflow", targetId: id, details: { label: workflow.label } });
  });
}
