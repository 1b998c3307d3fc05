import { edgeHandle } from "@/lib/workflows/graph-rules";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflows/types";

export type FieldChange = { field: string; before: unknown; after: unknown };
export type NodeSummary = { id: string; type: string; label?: string };
export type EdgeSummary = { source: string; target: string; handle: string };
export type WorkflowGraphDiff = {
  addedNodes: NodeSummary[];
  removedNodes: NodeSummary[];
  changedNodes: (NodeSummary & { changes: FieldChange[] })[];
  addedEdges: EdgeSummary[];
  removedEdges: EdgeSummary[];
};

// What changed between two versions of a graph, as a reviewer reads it: nodes matched by id, edges by
// (source, output, target) since edge ids are generated; positions are layout, not behaviour, and are ignored.
export function diffWorkflowGraphs(before: WorkflowGraph, after: WorkflowGraph): WorkflowGraphDiff {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const summary = (n: WorkflowNode): NodeSummary => ({ id: n.id, type: n.type, ...(n.label ? { label: n.label } : {}) });
  const changedNodes: WorkflowGraphDiff["changedNodes"] = [];
  for (const [id, next] of newNodes) {
    const prev = oldNodes.get(id);
    if (!prev) continue;
    const changes = nodeChanges(prev, next);
    if (changes.length) changedNodes.push({ ...summary(next), changes });
  }
  const oldEdges = new Map(before.edges.map((e) => [edgeKey(e), e]));
  const newEdges = new Map(after.edges.map((e) => [edgeKey(e), e]));
  const edgeSummary = (e: WorkflowEdge): EdgeSummary => ({ source: e.source, target: e.target, handle: edgeHandle(e) });
  return {
    addedNodes: after.nodes.filter((n) => !oldNodes.has(n.id)).map(summary),
    removedNodes: before.nodes.filter((n) => !newNodes.has(n.id)).map(summary),
    changedNodes,
    addedEdges: [...newEdges].filter(([k]) => !oldEdges.has(k)).map(([, e]) => edgeSummary(e)),
    removedEdges: [...oldEdges].filter(([k]) => !newEdges.has(k)).map(([, e]) => edgeSummary(e)),
  };
}

export function isEmptyDiff(diff: WorkflowGraphDiff): boolean {
  return Object.values(diff).every((list) => list.length === 0);
}

function edgeKey(e: WorkflowEdge): string {
  return `${e.source}\u0000${edgeHandle(e)}\u0000${e.target}`;
}

function nodeChanges(prev: WorkflowNode, next: WorkflowNode): FieldChange[] {
  const changes: FieldChange[] = [];
  if (prev.type !== next.type) changes.push({ field: "type", before: prev.type, after: next.type });
  if ((prev.label ?? "") !== (next.label ?? "")) changes.push({ field: "label", before: prev.label, after: next.label });
  const keys = new Set([...Object.keys(prev.config ?? {}), ...Object.keys(next.config ?? {})]);
  for (const key of [...keys].sort()) {
    const a = prev.config?.[key];
    const b = next.config?.[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field: `config.${key}`, before: a, after: b });
  }
  return changes;
}
