import type { WorkflowGraph } from "@/lib/workflows/types";

export const LAYOUT_COLUMN_WIDTH = 280;
export const LAYOUT_ROW_HEIGHT = 170;

// A layered top-to-bottom layout without a dependency: each node's row is the longest path from a
// root (so every edge points down), and nodes within a row are ordered by the mean column of their
// parents (one barycentre pass) and placed near it, which keeps branches under the node they come from.
// Edges that would close a cycle are ignored so an invalid draft can still be laid out.
export function layoutWorkflowGraph(graph: WorkflowGraph): WorkflowGraph {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  const children = new Map<string, string[]>(ids.map((id) => [id, []]));
  const parents = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of graph.edges) {
    if (!known.has(e.source) || !known.has(e.target) || e.source === e.target) continue;
    children.get(e.source)!.push(e.target);
    parents.get(e.target)!.push(e.source);
  }
  const layer = longestPathLayers(ids, children, parents, graph.nodes.find((n) => n.type === "start")?.id);
  const rows: string[][] = [];
  for (const id of ids) (rows[layer.get(id)!] ??= []).push(id);
  const column = new Map<string, number>();
  for (const row of rows.filter(Boolean)) {
    const weight = (id: string) => {
      const cols = parents.get(id)!.map((p) => column.get(p)).filter((c): c is number => c !== undefined);
      return cols.length ? cols.reduce((a, b) => a + b, 0) / cols.length : Number.POSITIVE_INFINITY;
    };
    const ordered = row.map((id, i) => ({ id, w: weight(id), i })).sort((a, b) => a.w - b.w || a.i - b.i);
    // each node wants its parents' mean column; collisions push right, then the row is shifted back
    // so that on average nodes sit where they want (a lone child stays under its parent)
    const wanted = ordered.map(({ w }, i) => (Number.isFinite(w) ? w : i - (ordered.length - 1) / 2));
    const placed: number[] = [];
    wanted.forEach((w, i) => placed.push(i === 0 ? w : Math.max(w, placed[i - 1] + 1)));
    const shift = wanted.reduce((a, b) => a + b, 0) / wanted.length - placed.reduce((a, b) => a + b, 0) / placed.length;
    ordered.forEach(({ id }, i) => column.set(id, placed[i] + shift));
  }
  return {
    nodes: graph.nodes.map((n) => ({ ...n, position: { x: Math.round(column.get(n.id)! * LAYOUT_COLUMN_WIDTH), y: layer.get(n.id)! * LAYOUT_ROW_HEIGHT } })),
    edges: graph.edges,
  };
}

function longestPathLayers(ids: string[], children: Map<string, string[]>, parents: Map<string, string[]>, startId?: string) {
  // DFS from the roots (start first) keeps only forward edges: a back edge to an open node is dropped
  const state = new Map<string, "open" | "done">();
  const order: string[] = [];
  const forward = new Map<string, string[]>(ids.map((id) => [id, []]));
  const visit = (id: string) => {
    state.set(id, "open");
    for (const c of children.get(id)!) {
      if (state.get(c) === "open") continue;
      forward.get(id)!.push(c);
      if (!state.has(c)) visit(c);
    }
    state.set(id, "done");
    order.push(id);
  };
  const roots = ids.filter((id) => parents.get(id)!.length === 0);
  for (const id of [...(startId ? [startId] : []), ...roots, ...ids]) if (!state.has(id)) visit(id);
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of order.reverse()) for (const c of forward.get(id)!) layer.set(c, Math.max(layer.get(c)!, layer.get(id)! + 1));
  return layer;
}
