import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertWorkflowChangedOrThrow } from "@/lib/workflows/assert-workflow-changed";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { findRiskyShapes } from "@/lib/workflows/find-risky-shapes";
import { resolveWorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { WorkflowGraph } from "@/lib/workflows/types";

const json = (value: unknown) => value as Prisma.InputJsonValue;

type Input = {
  applicationId: string;
  id: string;
  graph?: WorkflowGraph;
  note: string;
  // 1-99: the new version runs for this share of new sessions only, the live one for the rest
  rolloutPercent?: number;
  acknowledgeWarnings: boolean;
  actor: AuditActor;
  userId?: string;
};

// Publishes the given graph (or the stored draft) as version + 1, immutable, with the publisher's note:
// live for every new session, or for rolloutPercent % of them while the previous version keeps the rest.
// Refused: an invalid graph (WorkflowGraphError, 422 by node), a graph equal to the live or rolling-out
// version (409), risky shapes not acknowledged (422 listing them).
export async function publishWorkflowDraft(db: Db, input: Input) {
  const { applicationId, id, actor } = input;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
      if (!current) throw new AppError("not_found", "No workflow with this id.");
      const definition = resolveWorkflowDefinition({ graph: input.graph ?? (current.draftGraph as WorkflowGraph) });
      await assertWorkflowChangedOrThrow(tx, { workflow: current, graph: definition.graph });
      const risky = findRiskyShapes(compileWorkflowPlan(definition.graph));
      if (risky.length && !input.acknowledgeWarnings) {
        throw new AppError("unprocessable", `This workflow has ${risky.length} warning(s): ${risky.map((r) => r.message).join(" ")} Confirm to publish anyway.`, { field: "acknowledge_warnings" });
      }
      const latest = await tx.workflowVersion.findFirst({ where: { workflowId: id }, orderBy: { version: "desc" } });
      const version = await tx.workflowVersion.create({
        data: { workflowId: id, version: (latest?.version ?? 0) + 1, graph: json(definition.graph), features: json(definition.features), note: input.note, createdById: input.userId },
      });
      // a rollout needs a live version to share new sessions with; the first version simply goes live
      const rollout = input.rolloutPercent && current.publishedVersionId ? input.rolloutPercent : null;
      await tx.workflow.update({
        where: { id },
        data: rollout
          ? { rolloutVersionId: version.id, rolloutPercent: rollout, draftGraph: json(definition.graph) }
          : { publishedVersionId: version.id, rolloutVersionId: null, rolloutPercent: null, draftGraph: json(definition.graph) },
      });
      await recordAudit(tx, {
        actor, applicationId, action: rollout ? "workflow.rollout_started" : "workflow.published", targetType: "workflow", targetId: id,
        details: { version: version.version, nodes: definition.graph.nodes.length, note: input.note, ...(rollout ? { rolloutPercent: rollout } : {}), ...(risky.length ? { acknowledgedWarnings: risky.map((r) => r.code) } : {}) },
      });
      return { workflow_id: id, version: version.version, note: input.note, rollout_percent: rollout, graph: definition.graph, created_at: version.createdAt.toISOString() };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Someone published this workflow at the same time; reload and try again.");
    throw error;
  }
}
