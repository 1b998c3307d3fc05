import { describe, expect, it } from "vitest";
import { makeGraph } from "@/lib/workflows/test-graphs";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";

const linear = () =>
  makeGraph(
    [["start", "start"], ["live", "LIVENESS"], ["match", "FACE_MATCH"], ["ok", "END_APPROVED"]],
    [["start", "live"], ["live", "match", "next"], ["match", "ok"]],
  );

describe("validateWorkflowGraph", () => {
  it("accepts a linear graph and one using every node type", () => {
    expect(validateWorkflowGraph(linear())).toEqual([]);
    const all = makeGraph(
      [
        ["start", "start"],
        ["ip", "IP_ANALYSIS", { blocked_countries: ["ru"] }],
        ["dev", "DEVICE_CHECK"],
        ["split", "AB_SPLIT", { branches: [{ id: "a", percentage: 50 }, { id: "b", percentage: 50 }] }],
        ["live", "LIVENESS", { face_liveness_method: "ACTIVE_3D" }],
        ["list", "FACE_LIST_CHECK"],
        ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 80 }],
        ["ok", "END_APPROVED"],
        ["review", "END_IN_REVIEW"],
        ["no", "END_DECLINED"],
      ],
      [
        ["start", "ip"], ["ip", "dev"], ["dev", "split"], ["split", "live", "a"], ["split", "list", "b"],
        ["live", "cond", "approved"], ["live", "review", "review"], ["live", "no", "declined"],
        ["cond", "ok", "true"], ["cond", "review", "false"], ["list", "ok"],
      ],
    );
    expect(validateWorkflowGraph(all)).toEqual([]);
  });

  it("requires exactly one start", () => {
    expect(validateWorkflowGraph(makeGraph([["ok", "END_APPROVED"]], []))).toContainEqual({ nodeId: null, message: "Add a start node" });
    const two = makeGraph([["s1", "start"], ["s2", "start"], ["ok", "END_APPROVED"]], [["s1", "ok"], ["s2", "ok"]]);
    expect(validateWorkflowGraph(two)).toEqual([{ nodeId: "s2", message: expect.stringContaining("exactly one start") }]);
  });

  it("reports unknown types, invalid configs and duplicate ids on the node", () => {
    const graph = makeGraph(
      [["start", "start"], ["x", "SELFIE"], ["m", "FACE_MATCH", { review_threshold: 40, decline_threshold: 60 }], ["m", "LIVENESS"], ["ok", "END_APPROVED"]],
      [["start", "m"], ["m", "ok"]],
    );
    const issues = validateWorkflowGraph(graph);
    expect(issues).toContainEqual({ nodeId: "x", field: "type", message: 'Unknown node type "SELFIE"' });
    expect(issues).toContainEqual({ nodeId: "m", field: "config.review_threshold", message: expect.stringContaining("decline_threshold") });
    expect(issues).toContainEqual({ nodeId: "m", message: 'Two nodes share the id "m"' });
  });

  it("validates every config: liveness, split percentages, condition ranges, face lists", () => {
    const graph = makeGraph(
      [
        ["start", "start"],
        ["live", "LIVENESS", { face_liveness_method: "BLINK", max_attempts: 9 }],
        ["split", "AB_SPLIT", { branches: [{ id: "a", percentage: 60 }, { id: "b", percentage: 60 }] }],
        ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 90, max: 10 }],
        ["list", "FACE_LIST_CHECK", { check_blocklist: false }],
        ["ok", "END_APPROVED"],
      ],
      [["start", "live"], ["live", "split"], ["split", "cond", "a"], ["split", "list", "b"], ["cond", "ok", "true"], ["cond", "ok", "false"], ["list", "ok"]],
    );
    const fields = validateWorkflowGraph(graph).map((i) => `${i.nodeId}:${i.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(["live:config.face_liveness_method", "live:config.max_attempts", "split:config.branches", "cond:config.min", "list:config.check_blocklist"]),
    );
  });

  it("reports dangling edges, unknown handles and doubly connected outputs with the edge id", () => {
    const graph = linear();
    graph.edges.push({ id: "dangling", source: "match", target: "ghost" }, { id: "bad-handle", source: "live", target: "ok", sourceHandle: "maybe" });
    graph.edges.push({ id: "twice", source: "start", target: "match" }, { id: "from-end", source: "ok", target: "match" });
    const issues = validateWorkflowGraph(graph);
    expect(issues).toContainEqual({ nodeId: "match", edgeId: "dangling", message: expect.stringContaining('"ghost"') });
    expect(issues).toContainEqual({ nodeId: "live", edgeId: "bad-handle", field: "sourceHandle", message: expect.stringContaining('"maybe"') });
    expect(issues).toContainEqual({ nodeId: "start", edgeId: "twice", field: "sourceHandle", message: expect.stringContaining("more than once") });
    expect(issues).toContainEqual({ nodeId: "ok", edgeId: "from-end", field: "sourceHandle", message: "An end node has no outputs" });
  });

  it("requires every output so every path reaches an end", () => {
    const graph = makeGraph(
      [["start", "start"], ["live", "LIVENESS"], ["cond", "CONDITION", { signal: "known_device" }], ["ok", "END_APPROVED"]],
      [["start", "live"], ["live", "cond", "approved"], ["live", "ok", "declined"], ["cond", "ok", "true"]],
    );
    const issues = validateWorkflowGraph(graph);
    expect(issues).toContainEqual({ nodeId: "live", field: "review", message: expect.stringContaining("every path must end") });
    expect(issues).toContainEqual({ nodeId: "cond", field: "false", message: expect.stringContaining("every path must end") });
    const dead = makeGraph([["start", "start"], ["live", "LIVENESS"]], [["start", "live"]]);
    expect(validateWorkflowGraph(dead)).toEqual([{ nodeId: "live", field: "next", message: expect.any(String) }]);
  });

  it("refuses mixing next with status outputs, and split branches without an edge", () => {
    const graph = makeGraph(
      [["start", "start"], ["live", "LIVENESS"], ["split", "AB_SPLIT", { branches: [{ id: "a", percentage: 30 }, { id: "b", percentage: 70 }] }], ["ok", "END_APPROVED"]],
      [["start", "split"], ["split", "live", "a"], ["live", "ok", "next"], ["live", "ok", "declined"]],
    );
    const issues = validateWorkflowGraph(graph);
    expect(issues).toContainEqual({ nodeId: "live", message: expect.stringContaining("not both") });
    expect(issues).toContainEqual({ nodeId: "split", field: "b", message: expect.any(String) });
  });

  it("reports cycles and unreachable nodes", () => {
    const graph = makeGraph(
      [["start", "start"], ["a", "LIVENESS"], ["b", "FACE_MATCH"], ["cond", "CONDITION", { signal: "known_ip" }], ["ok", "END_APPROVED"], ["lost", "END_DECLINED"]],
      [["start", "a"], ["a", "b"], ["b", "cond"], ["cond", "a", "true"], ["cond", "ok", "false"]],
    );
    const issues = validateWorkflowGraph(graph);
    expect(issues).toContainEqual({ nodeId: "cond", edgeId: "cond->a:true", message: expect.stringContaining("loop") });
    expect(issues).toContainEqual({ nodeId: "lost", message: expect.stringContaining("cannot be reached") });
    const selfLoop = makeGraph([["start", "start"], ["c", "CONDITION", { signal: "known_ip" }], ["ok", "END_APPROVED"]], [["start", "c"], ["c", "c", "true"], ["c", "ok", "false"]]);
    expect(validateWorkflowGraph(selfLoop)).toContainEqual({ nodeId: "c", edgeId: "c->c:true", message: expect.stringContaining("loop") });
  });

  it("requires the check a score condition reads to run on every path before it", () => {
    const graph = makeGraph(
      [
        ["start", "start"],
        ["split", "AB_SPLIT", { branches: [{ id: "a", percentage: 50 }, { id: "b", percentage: 50 }] }],
        ["live", "LIVENESS"],
        ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", max: 60 }],
        ["ok", "END_APPROVED"],
        ["review", "END_IN_REVIEW"],
      ],
      [["start", "split"], ["split", "live", "a"], ["split", "cond", "b"], ["live", "cond"], ["cond", "review", "true"], ["cond", "ok", "false"]],
    );
    expect(validateWorkflowGraph(graph)).toEqual([{ nodeId: "cond", field: "config.feature", message: expect.stringContaining("every path") }]);
  });
});
