import type { WorkflowGraph } from "@/lib/workflows/types";

// Topological order of the nodes (Kahn), ties broken by the order of graph.nodes so the result is stable.
// Returns null when the graph has a cycle. Edges to unknown nodes are ignored.
export function sortGraphNodes(graph: WorkflowGraph): string[] | null {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
  const targets = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!index.has(edge.source) || !index.has(edge.target)) continue;
    targets.set(edge.source, [...(targets.get(edge.source) ?? []), edge.target]);
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
  }
  const ready = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const id = ready.shift()!;
    order.push(id);
    for (const target of targets.get(id) ?? []) {
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) ready.push(target);
    }
  }
  return order.length === index.size ? order : null;
}
