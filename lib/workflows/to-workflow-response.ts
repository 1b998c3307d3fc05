import type { WorkflowFeature, WorkflowGraph } from "@/lib/workflows/types";

export type WorkflowRecord = { id: string; label: string; workflowType: string; isDefault: boolean; createdAt: Date; updatedAt: Date };
export type WorkflowVersionRecord = { version: number; graph: unknown; features: unknown };

// The API's workflow shape; graph, features and version are those of the published (or asked-for) version.
export function toWorkflowResponse(workflow: WorkflowRecord, version: WorkflowVersionRecord | null) {
  return {
    workflow_id: workflow.id,
    workflow_label: workflow.label,
    workflow_type: workflow.workflowType,
    is_default: workflow.isDefault,
    features: (version?.features ?? []) as WorkflowFeature[],
    graph: (version?.graph ?? { nodes: [], edges: [] }) as WorkflowGraph,
    version: version?.version ?? null,
    created_at: workflow.createdAt.toISOString(),
    updated_at: workflow.updatedAt.toISOString(),
  };
}

export type WorkflowResponse = ReturnType<typeof toWorkflowResponse>;
