import type { z } from "zod";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { workflowThresholdsSchema } from "@/lib/console/schemas";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { saveWorkflowDraft } from "@/lib/workflows/save-workflow-draft";
import type { WorkflowGraph } from "@/lib/workflows/types";

// The tuning page edits a workflow step's thresholds by saving a draft (the builder's own save, audited
// as such) on top of the current draft, so unpublished work there is kept; the builder publishes it.
export async function draftWorkflowThresholds(db: Db, input: { applicationId: string; body: z.output<typeof workflowThresholdsSchema>; actor: AuditActor }) {
  const { body } = input;
  const workflow = await db.workflow.findFirst({ where: { id: body.workflow_id, applicationId: input.applicationId, deletedAt: null }, select: { id: true, draftGraph: true } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const graph = workflow.draftGraph as unknown as WorkflowGraph;
  const node = graph.nodes.find((n) => n.id === body.node_id);
  if (!node || (node.type !== "FACE_MATCH" && node.type !== "LIVENESS")) {
    throw new AppError("conflict", "The workflow's draft has no face-match or liveness step with this id; open the builder.", { field: "node_id" });
  }
  const config: Record<string, unknown> = { ...(node.config ?? {}) };
  for (const [key, value] of [["review_threshold", body.review_threshold], ["decline_threshold", body.decline_threshold]] as const) {
    if (value === null) delete config[key];
    else config[key] = value;
  }
  const next = { ...graph, nodes: graph.nodes.map((n) => (n.id === node.id ? { ...n, config } : n)) };
  const saved = await saveWorkflowDraft(db, { applicationId: input.applicationId, id: workflow.id, body: { graph: next }, actor: input.actor });
  return { ...saved, builder_url: `/workflows/${workflow.id}` };
}
