import { describe, expect, it } from "vitest";
import { withRoutingIssues } from "@/components/workflow-builder/check-outputs";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";
import { makeGraph } from "@/lib/workflows/test-graphs";

describe("withRoutingIssues", () => {
  // a face match just switched to "By result": its "next" edge is gone and nothing is connected yet
  const graph = makeGraph([["start", "start"], ["m", "FACE_MATCH"], ["ok", "END_APPROVED"]], [["start", "m"]]);

  it("asks for the approved/review/declined outputs of a check routed by result, not for next", () => {
    const issues = withRoutingIssues(validateWorkflowGraph(graph), [{ id: "m", data: { config: {}, routing: "status" } }]);
    const forNode = issues.filter((i) => i.nodeId === "m").map((i) => i.field);
    expect(forNode).toEqual(["approved", "review", "declined"]);
    expect(issues.some((i) => i.message.includes('"next"'))).toBe(false);
  });

  it("leaves a check with one output as the validator says", () => {
    const raw = validateWorkflowGraph(graph);
    expect(withRoutingIssues(raw, [{ id: "m", data: { config: {}, routing: "next" } }])).toEqual(raw);
    expect(raw.some((i) => i.nodeId === "m" && i.field === "next")).toBe(true);
  });
});
