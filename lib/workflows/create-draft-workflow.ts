import type { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db, Prisma } from "@/lib/db";
import type { createDraftWorkflowSchema } from "@/lib/workflows/console-schemas";
import { workflowStarters } from "@/lib/workflows/workflow-starters";

// From the console a workflow starts as a draft with no published version: sessions cannot pick it
// (it is never the default) until someone publishes it from the builder.
export async function createDraftWorkflow(db: Db, input: { applicationId: string; body: z.output<typeof createDraftWorkflowSchema>; actor: AuditActor }) {
  const { applicationId, body, actor } = input;
  const graph = workflowStarters[body.starter].graph();
  return db.$transaction(async (tx) => {
    const workflow = await tx.workflow.create({
      data: { applicationId, label: body.workflow_label, workflowType: body.workflow_type, isDefault: false, draftGraph: graph as unknown as Prisma.InputJsonValue },
    });
    await recordAudit(tx, { actor, applicationId, action: "workflow.created", targetType: "workflow", targetId: workflow.id, details: { label: workflow.label, starter: body.starter, version: null } });
    return { workflow_id: workflow.id, workflow_label: workflow.label };
  });
}
