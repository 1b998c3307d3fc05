import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { toWorkflowResponse } from "@/lib/workflows/to-workflow-response";

// A workflow of this application (deleted ones and other applications' read as 404), with its published
// version, or the version asked for: older versions stay readable because sessions are pinned to them.
export async function getWorkflowOrThrow(db: Db, input: { applicationId: string; id: string; version?: number }) {
  const workflow = await db.workflow.findFirst({ where: { id: input.id, applicationId: input.applicationId, deletedAt: null } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const version = input.version
    ? await db.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: workflow.id, version: input.version } } })
    : workflow.publishedVersionId
      ? await db.workflowVersion.findUnique({ where: { id: workflow.publishedVersionId } })
      : null;
  if (input.version && !version) throw new AppError("not_found", `This workflow has no version ${input.version}.`, { field: "version" });
  return toWorkflowResponse(workflow, version);
}
