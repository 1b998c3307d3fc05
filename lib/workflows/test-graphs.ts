import type { WorkflowGraph } from "@/lib/workflows/types";

// Compact graph literals for tests: nodes as [id, type, config?], edges as [source, target, handle?].
export function makeGraph(nodes: [string, string, Record<string, unknown>?][], edges: [string, string, string?][]): WorkflowGraph {
  return {
    nodes: nodes.map(([id, type, config], i) => ({ id, type, position: { x: 0, y: i * 100 }, config: config ?? {} })),
    edges: edges.map(([source, target, handle]) => ({ id: `${source}->${target}:${handle ?? ""}`, source, target, sourceHandle: handle })),
  };
}
