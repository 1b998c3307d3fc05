import type { BuilderSnapshot } from "@/components/workflow-builder/types";

// Marks a simulated run's path on a copy of the canvas snapshot (display only, never saved): the nodes
// and the edges it went through, the other nodes dimmed.
export function highlightPath(snapshot: BuilderSnapshot, path: readonly string[] | null): BuilderSnapshot {
  if (!path?.length) return snapshot;
  const onPath = new Set(path);
  const steps = new Set(path.slice(1).map((to, i) => `${path[i]}>${to}`));
  return {
    nodes: snapshot.nodes.map((n) => ({ ...n, className: onPath.has(n.id) ? "sim-on-path" : "sim-off-path" })),
    edges: snapshot.edges.map((e) => (steps.has(`${e.source}>${e.target}`) ? { ...e, className: "sim-on-path", animated: true } : e)),
  };
}
