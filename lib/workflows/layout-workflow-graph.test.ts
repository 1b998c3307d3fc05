import { describe, expect, it } from "vitest";
import { LAYOUT_ROW_HEIGHT, layoutWorkflowGraph } from "@/lib/workflows/layout-workflow-graph";
import { makeGraph } from "@/lib/workflows/test-graphs";

describe("layoutWorkflowGraph", () => {
  it("puts every node below the nodes that lead to it (longest path) and spreads a row", () => {
    const graph = makeGraph(
      [["s", "start"], ["live", "LIVENESS"], ["cond", "CONDITION"], ["match", "FACE_MATCH"], ["review", "END_IN_REVIEW"], ["ok", "END_APPROVED"]],
      [["s", "live"], ["live", "cond"], ["cond", "match", "true"], ["cond", "review", "false"], ["match", "ok"], ["live", "ok", "approved"]],
    );
    const pos = new Map(layoutWorkflowGraph(graph).nodes.map((n) => [n.id, n.position]));
    expect(pos.get("s")!.y).toBe(0);
    expect(pos.get("cond")!.y).toBe(2 * LAYOUT_ROW_HEIGHT);
    // ok is reached by a short and a long path: the long one decides its row
    expect(pos.get("ok")!.y).toBe(4 * LAYOUT_ROW_HEIGHT);
    expect(pos.get("match")!.x).not.toBe(pos.get("review")!.x);
    expect(pos.get("match")!.x + pos.get("review")!.x).toBe(0);
    // a lone child sits under its parent
    const branch = makeGraph([["s", "start"], ["c", "CONDITION"], ["x", "FACE_MATCH"], ["y", "END_IN_REVIEW"], ["end", "END_APPROVED"]], [["s", "c"], ["c", "x", "true"], ["c", "y", "false"], ["x", "end"]]);
    const at = new Map(layoutWorkflowGraph(branch).nodes.map((n) => [n.id, n.position]));
    expect(at.get("end")!.x).toBe(at.get("x")!.x);
  });

  it("lays out drafts with loops and loose nodes without hanging", () => {
    const graph = makeGraph([["s", "start"], ["a", "LIVENESS"], ["b", "FACE_MATCH"], ["loose", "END_DECLINED"]], [["s", "a"], ["a", "b"], ["b", "a"]]);
    const out = layoutWorkflowGraph(graph);
    expect(out.nodes).toHaveLength(4);
    const y = new Map(out.nodes.map((n) => [n.id, n.position.y]));
    expect(y.get("a")! < y.get("b")!).toBe(true);
    expect(y.get("loose")).toBe(0);
  });
});
