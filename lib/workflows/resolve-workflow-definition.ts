import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { featuresToGraph } from "@/lib/workflows/features-to-graph";
import { graphToFeatures } from "@/lib/workflows/graph-to-features";
import { isNodeType } from "@/lib/workflows/graph-rules";
import { nodeConfigSchemas } from "@/lib/workflows/schemas";
import type { WorkflowFeature, WorkflowGraph } from "@/lib/workflows/types";

export type WorkflowDefinition = { graph: WorkflowGraph; features: WorkflowFeature[] };

// Whichever view the caller sent (linear features or a graph), both views as they will be stored. The
// graph is compiled once to prove it is valid (throws WorkflowGraphError -> 422), and its configs are
// stored with defaults filled in, so what the builder shows is what runs.
export function resolveWorkflowDefinition(input: { features?: readonly WorkflowFeature[]; graph?: WorkflowGraph }): WorkflowDefinition {
  const raw = input.graph ?? featuresToGraph(input.features ?? []);
  compileWorkflowPlan(raw);
  const graph: WorkflowGraph = {
    nodes: raw.nodes.map((n) => (isNodeType(n.type) ? { ...n, config: nodeConfigSchemas[n.type].parse(n.config) as Record<string, unknown> } : n)),
    edges: raw.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null })),
  };
  return { graph, features: graphToFeatures(graph) };
}
