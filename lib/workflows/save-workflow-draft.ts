import type { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { saveWorkflowDraftSchema } from "@/lib/workflows/console-schemas";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";

// The draft may be invalid (work in progress): only its shape is checked. The problems are returned so
// the caller can show them, and counted in the audit entry.
export async function saveWorkflowDraft(
  db: Db,
  input: { applicationId: string; id: string; body: z.output<typeof saveWorkflowDraftSchema>; actor: AuditActor; action?: "workflow.draft_saved" | "workflow.imported" },
) {
  const { applicationId, id, body, actor } = input;
  const issues = validateWorkflowGraph(body.graph);
  return db.$transaction(async (tx) => {
    const current = await tx.workflow.findFirst({ where: { id, applicationId, deletedAt: null } });
    if (!current) throw new AppError("not_found", "No workflow with this id.");
    const workflow = await tx.workflow.update({
      where: { id },
      data: { draftGraph: body.graph as unknown as Prisma.InputJsonValue, ...(body.workflow_label ? { label: body.workflow_label } : {}) },
    });
    await recordAudit(tx, {
      actor, applicationId, action: input.action ?? "workflow.draft_saved", targetType: "workflow", targetId: id,
      details: { nodes: body.graph.nodes.length, edges: body.graph.edges.length, problems: issues.length, ...(body.workflow_label && body.workflow_label !== current.label ? { label: body.workflow_label } : {}) },
    });
    return { workflow_id: id, workflow_label: workflow.label, updated_at: workflow.updatedAt.toISOString(), issues };
  });
}
