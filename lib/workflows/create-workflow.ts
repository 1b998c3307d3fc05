import type { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { insertWorkflow } from "@/lib/workflows/insert-workflow";
import { resolveWorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { createWorkflowSchema } from "@/lib/workflows/schemas";
import { toWorkflowResponse } from "@/lib/workflows/to-workflow-response";

// From the API a workflow is published at once (version 1): sessions can use it right away.
export async function createWorkflow(db: Db, input: { applicationId: string; body: z.output<typeof createWorkflowSchema>; actor: AuditActor }) {
  const { applicationId, body, actor } = input;
  const definition = resolveWorkflowDefinition({ features: body.features, graph: body.graph });
  return db.$transaction(async (tx) => {
    const { workflow, version } = await insertWorkflow(tx, { applicationId, label: body.workflow_label, workflowType: body.workflow_type, isDefault: body.is_default, definition, note: body.note ?? "Published via API" });
    await recordAudit(tx, { actor, applicationId, action: "workflow.created", targetType: "workflow", targetId: workflow.id, details: { label: workflow.label, version: 1 } });
    return toWorkflowResponse(workflow, version);
  });
}
