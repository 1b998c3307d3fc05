import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { resolveWorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { WorkflowGraph } from "@/lib/workflows/types";

const json = (value: unknown) => value as Prisma.InputJsonValue;

// Publishes the given graph (or the stored draft) as version + 1, immutable, and makes it the one new
// sessions run. An invalid graph throws WorkflowGraphError (422 with every problem by node).
export async function publishWorkflowDraft(db: Db, input: { applicationId: string; id: string; graph?: WorkflowGraph; actor: AuditActor; userId?: string }) {
  const { applicationId, id, actor } = input;
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
      if (!current) throw new AppError("not_found", "No workflow with this id.");
      const definition = resolveWorkflowDefinition({ graph: input.graph ?? (current.draftGraph as WorkflowGraph) });
      const latest = await tx.workflowVersion.findFirst({ where: { workflowId: id }, orderBy: { version: "desc" } });
      const version = await tx.workflowVersion.create({
        data: { workflowId: id, version: (latest?.version ?? 0) + 1, graph: json(definition.graph), features: json(definition.features), createdById: input.userId },
      });
      await tx.workflow.update({ where: { id }, data: { publishedVersionId: version.id, draftGraph: json(definition.graph) } });
      await recordAudit(tx, { actor, applicationId, action: "workflow.published", targetType: "workflow", targetId: id, details: { version: version.version, nodes: definition.graph.nodes.length } });
      return { workflow_id: id, version: version.version, graph: definition.graph, created_at: version.createdAt.toISOString() };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "Someone published this workflow at the same time; reload and try again.");
    throw error;
  }
}
