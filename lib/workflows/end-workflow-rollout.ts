import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Ends a gradual rollout: "promote" makes the rolled-out version live for every new session,
// "rollback" clears the rollout so every new session runs the live version again. Sessions already
// started keep the version they were pinned to. Audited either way.
export async function endWorkflowRollout(db: Db, input: { applicationId: string; id: string; action: "promote" | "rollback"; actor: AuditActor }) {
  const { applicationId, id, action, actor } = input;
  return db.$transaction(async (tx) => {
    const current = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
    if (!current) throw new AppError("not_found", "No workflow with this id.");
    if (!current.rolloutVersionId) throw new AppError("conflict", "No rollout is under way for this workflow.");
    const [rolled, live] = await Promise.all([
      tx.workflowVersion.findUnique({ where: { id: current.rolloutVersionId }, select: { version: true } }),
      current.publishedVersionId ? tx.workflowVersion.findUnique({ where: { id: current.publishedVersionId }, select: { version: true } }) : null,
    ]);
    await tx.workflow.update({
      where: { id },
      data: action === "promote" ? { publishedVersionId: current.rolloutVersionId, rolloutVersionId: null, rolloutPercent: null } : { rolloutVersionId: null, rolloutPercent: null },
    });
    await recordAudit(tx, {
      actor, applicationId, action: action === "promote" ? "workflow.rollout_promoted" : "workflow.rollout_rolled_back", targetType: "workflow", targetId: id,
      details: { rolloutVersion: rolled?.version ?? null, rolloutPercent: current.rolloutPercent, liveVersion: action === "promote" ? (rolled?.version ?? null) : (live?.version ?? null) },
    });
    return { workflow_id: id, live_version: action === "promote" ? (rolled?.version ?? null) : (live?.version ?? null), rollout: null };
  });
}
