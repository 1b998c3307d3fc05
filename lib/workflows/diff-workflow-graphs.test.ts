import { describe, expect, it } from "vitest";
import { diffWorkflowGraphs, isEmptyDiff } from "@/lib/workflows/diff-workflow-graphs";
import { makeGraph } from "@/lib/workflows/test-graphs";

describe("diffWorkflowGraphs", () => {
  const v1 = makeGraph([["s", "start"], ["live", "LIVENESS", { face_liveness_method: "PASSIVE" }], ["ok", "END_APPROVED"]], [["s", "live"], ["live", "ok"]]);

  it("reports nothing for the same graph moved around", () => {
    const moved = { ...v1, nodes: v1.nodes.map((n) => ({ ...n, position: { x: 500, y: 9 } })) };
    expect(isEmptyDiff(diffWorkflowGraphs(v1, moved))).toBe(true);
  });

  it("reports added, removed and changed nodes and edges with config changes", () => {
    const v2 = makeGraph(
      [["s", "start"], ["live", "LIVENESS", { face_liveness_method: "ACTIVE_3D", review_threshold: 70 }], ["review", "END_IN_REVIEW"]],
      [["s", "live"], ["live", "review"]],
    );
    const diff = diffWorkflowGraphs(v1, v2);
    expect(diff.addedNodes).toEqual([{ id: "review", type: "END_IN_REVIEW" }]);
    expect(diff.removedNodes).toEqual([{ id: "ok", type: "END_APPROVED" }]);
    expect(diff.changedNodes).toEqual([
      {
        id: "live",
        type: "LIVENESS",
        changes: [
          { field: "config.face_liveness_method", before: "PASSIVE", after: "ACTIVE_3D" },
          { field: "config.review_threshold", before: undefined, after: 70 },
        ],
      },
    ]);
    expect(diff.addedEdges).toEqual([{ source: "live", target: "review", handle: "next" }]);
    expect(diff.removedEdges).toEqual([{ source: "live", target: "ok", handle: "next" }]);
  });
});
