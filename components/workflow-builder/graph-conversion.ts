import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import type { BuilderEdge, BuilderNode, BuilderSnapshot } from "@/components/workflow-builder/types";
import { isCheckNodeType, statusHandles } from "@/lib/workflows/graph-rules";
import type { NodeType, WorkflowGraph } from "@/lib/workflows/types";

export function newId(prefix: string): string {
  return `${prefix.toLowerCase().replaceAll("_", "-")}-${crypto.randomUUID().slice(0, 8)}`;
}

export function createBuilderNode(type: NodeType, position: { x: number; y: number }): BuilderNode {
  const def = getNodeDefinition(type);
  return { id: newId(type), type, position, data: { config: def?.defaultConfig() ?? {} }, ...(type === "start" ? { deletable: false } : {}) };
}

export function createBuilderEdge(source: string, target: string, sourceHandle: string | null | undefined): BuilderEdge {
  return { id: newId(`e-${sourceHandle ?? "next"}`), source, target, sourceHandle: sourceHandle ?? "next" };
}

// Stored graph -> xyflow state. Whether a check routes by result is read from its edges.
export function graphToSnapshot(graph: WorkflowGraph): BuilderSnapshot {
  const byStatus = new Set(graph.edges.filter((e) => (statusHandles as readonly string[]).includes(e.sourceHandle ?? "")).map((e) => e.source));
  const nodes: BuilderNode[] = graph.nodes.map((n) => ({
    id: n.id,
    type: n.type as NodeType,
    position: n.position ?? { x: 0, y: 0 },
    data: { config: n.config ?? {}, ...(n.label ? { label: n.label } : {}), ...(isCheckNodeType(n.type) ? { routing: byStatus.has(n.id) ? "status" : "next" } : {}) },
    ...(n.type === "start" ? { deletable: false } : {}),
  }));
  const edges: BuilderEdge[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? "next" }));
  return { nodes, edges };
}

// xyflow state -> the graph the engine validates, saves and publishes.
export function snapshotToGraph({ nodes, edges }: BuilderSnapshot): WorkflowGraph {
  return {
    nodes: nodes.map((n) => ({
      id: n.id,
      type: n.type ?? "",
      position: { x: Math.round(n.position.x), y: Math.round(n.position.y) },
      config: n.data.config,
      ...(n.data.label ? { label: n.data.label } : {}),
    })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle ?? null })),
  };
}
