import type { Db } from "@/lib/db";
import { toWorkflowResponse } from "@/lib/workflows/to-workflow-response";

// Every live workflow of the application, oldest first, each with its published version.
export async function listWorkflows(db: Db, applicationId: string) {
  const workflows = await db.workflow.findMany({ where: { applicationId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  const versionIds = workflows.map((w) => w.publishedVersionId).filter((id): id is string => Boolean(id));
  const versions = new Map((await db.workflowVersion.findMany({ where: { id: { in: versionIds } } })).map((v) => [v.id, v]));
  return workflows.map((w) => toWorkflowResponse(w, (w.publishedVersionId && versions.get(w.publishedVersionId)) || null));
}
