import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { WorkflowGraph } from "@/lib/workflows/types";

export type WorkflowVersionSummary = { version: number; graph: WorkflowGraph; note: string | null; created_at: string; created_by: string | null; published: boolean; rolling_out: boolean };
export type WorkflowEditorState = {
  workflow_id: string;
  workflow_label: string;
  workflow_type: string;
  is_default: boolean;
  draft: WorkflowGraph;
  published_version: number | null;
  // a gradual rollout under way: that version runs for `percent` % of new sessions
  rollout: { version: number; percent: number } | null;
  versions: WorkflowVersionSummary[];
  updated_at: string;
};

// What the builder opens: the draft and every published version (newest first) with who published it.
export async function getWorkflowEditorStateOrThrow(db: Db, input: { applicationId: string; id: string }): Promise<WorkflowEditorState> {
  const workflow = await db.workflow.findFirst({ where: { id: input.id, applicationId: input.applicationId, deletedAt: null } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const versions = await db.workflowVersion.findMany({ where: { workflowId: workflow.id }, orderBy: { version: "desc" } });
  const userIds = [...new Set(versions.map((v) => v.createdById).filter((u): u is string => Boolean(u)))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } })).map((u) => [u.id, u.email]));
  const rolling = versions.find((v) => v.id === workflow.rolloutVersionId);
  return {
    workflow_id: workflow.id,
    workflow_label: workflow.label,
    workflow_type: workflow.workflowType,
    is_default: workflow.isDefault,
    draft: (workflow.draftGraph ?? { nodes: [], edges: [] }) as WorkflowGraph,
    published_version: versions.find((v) => v.id === workflow.publishedVersionId)?.version ?? null,
    rollout: rolling && workflow.rolloutPercent ? { version: rolling.version, percent: workflow.rolloutPercent } : null,
    versions: versions.map((v) => ({
      version: v.version,
      graph: v.graph as WorkflowGraph,
      note: v.note,
      created_at: v.createdAt.toISOString(),
      created_by: v.createdById ? (users.get(v.createdById) ?? null) : null,
      published: v.id === workflow.publishedVersionId,
      rolling_out: v.id === workflow.rolloutVersionId,
    })),
    updated_at: workflow.updatedAt.toISOString(),
  };
}
