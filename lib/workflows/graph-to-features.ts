import { isCheckNodeType } from "@/lib/workflows/graph-rules";
import { sortGraphNodes } from "@/lib/workflows/sort-graph-nodes";
import type { WorkflowFeature, WorkflowGraph } from "@/lib/workflows/types";

// Graph -> the API's linear features list. Exact for a linear graph; for one with branches it is a
// best-effort summary: every check once, in topological order, whichever branch it sits on.
export function graphToFeatures(graph: WorkflowGraph): WorkflowFeature[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const order = sortGraphNodes(graph) ?? graph.nodes.map((n) => n.id);
  const features: WorkflowFeature[] = [];
  for (const id of order) {
    const node = byId.get(id)!;
    if (!isCheckNodeType(node.type)) continue;
    features.push({ feature: node.type, config: node.config, ...(node.label ? { label: node.label } : {}) });
  }
  return features;
}
