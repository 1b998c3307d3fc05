import type { Prisma, Tx } from "@/lib/db";
import type { WorkflowDefinition } from "@/lib/workflows/resolve-workflow-definition";
import type { WorkflowType } from "@/lib/workflows/types";

const json = (value: unknown) => value as Prisma.InputJsonValue;

// A new workflow with its draft and published version 1, inside the caller's transaction. Making it
// the default takes the flag from the application's other workflow of the same type.
export async function insertWorkflow(
  tx: Tx,
  input: { applicationId: string; label: string; workflowType: WorkflowType; isDefault: boolean; definition: WorkflowDefinition; note: string; createdById?: string },
) {
  if (input.isDefault) {
    await tx.workflow.updateMany({ where: { applicationId: input.applicationId, workflowType: input.workflowType, isDefault: true }, data: { isDefault: false } });
  }
  const workflow = await tx.workflow.create({
    data: { applicationId: input.applicationId, label: input.label, workflowType: input.workflowType, isDefault: input.isDefault, draftGraph: json(input.definition.graph) },
  });
  const version = await tx.workflowVersion.create({
    data: { workflowId: workflow.id, version: 1, graph: json(input.definition.graph), features: json(input.definition.features), note: input.note, createdById: input.createdById },
  });
  const published = await tx.workflow.update({ where: { id: workflow.id }, data: { publishedVersionId: version.id } });
  return { workflow: published, version };
}
