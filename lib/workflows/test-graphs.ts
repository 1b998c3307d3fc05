import type { WorkflowGraph } from "@/lib/workflows/types";

// Compact graph literals for tests: nodes as [id, type, config?], edges as [source, target, handle?].
export function makeGraph(nodes: [string, string, Record<string, unknown>?][], edges: [string, string, string?][]): WorkflowGraph {
  return {
    nodes: nodes.map(([id, type, config], i) => ({ id, type, position: { x: 0, y: i * 100 }, config: config ?? {} })),
    edges: edges.map(([source, target, handle]) => ({ id: `${source}->${target}:${handle ?? ""}`, source, target, sourceHandle: handle })),
  };
}

// A 50/50 A/B split into two PASSIVE liveness checks that both end Approved. Branch a reviews and
// declines below 30; branch b reviews every score below 100, so its cases end In Review although the
// path ends at Approved: what decided them is the check's threshold, not the end node.
export function abLivenessGraph(): WorkflowGraph {
  return makeGraph(
    [
      ["start", "start"],
      ["ab", "AB_SPLIT", { branches: [{ id: "a", percentage: 50 }, { id: "b", percentage: 50 }] }],
      ["la", "LIVENESS", { face_liveness_method: "PASSIVE", max_attempts: 1, review_threshold: 30, decline_threshold: 30 }],
      ["lb", "LIVENESS", { face_liveness_method: "PASSIVE", max_attempts: 1, review_threshold: 100, decline_threshold: 0 }],
      ["ok", "END_APPROVED"],
    ],
    [["start", "ab"], ["ab", "la", "a"], ["ab", "lb", "b"], ["la", "ok"], ["lb", "ok"]],
  );
}
