import { NEXT_HANDLE } from "@/lib/workflows/graph-rules";
import { nodeConfigSchemas } from "@/lib/workflows/schemas";
import type { WorkflowEdge, WorkflowFeature, WorkflowGraph, WorkflowNode } from "@/lib/workflows/types";

const ROW_HEIGHT = 140;

// The API's linear features list -> the equivalent graph: start -> checks in order -> END_APPROVED, laid
// out top to bottom. Each check feeds the verdict, so the outcome is the worst status of the checks.
// Configs are stored with their defaults filled in so the builder shows what will actually run.
export function featuresToGraph(features: readonly WorkflowFeature[]): WorkflowGraph {
  const checks: WorkflowNode[] = features.map((f, i) => ({
    id: `${f.feature.toLowerCase().replaceAll("_", "-")}-${i + 1}`,
    type: f.feature,
    position: { x: 0, y: (i + 1) * ROW_HEIGHT },
    config: nodeConfigSchemas[f.feature].parse(f.config ?? {}) as Record<string, unknown>,
    ...(f.label ? { label: f.label } : {}),
  }));
  const nodes: WorkflowNode[] = [
    { id: "start", type: "start", position: { x: 0, y: 0 }, config: {} },
    ...checks,
    { id: "end-approved", type: "END_APPROVED", position: { x: 0, y: (checks.length + 1) * ROW_HEIGHT }, config: {} },
  ];
  const edges: WorkflowEdge[] = nodes.slice(1).map((target, i) => {
    const source = nodes[i];
    return { id: `e-${source.id}-${target.id}`, source: source.id, target: target.id, sourceHandle: NEXT_HANDLE };
  });
  return { nodes, edges };
}
