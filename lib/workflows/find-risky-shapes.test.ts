import { describe, expect, it } from "vitest";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { findRiskyShapes } from "@/lib/workflows/find-risky-shapes";
import { makeGraph } from "@/lib/workflows/test-graphs";

const live = ["live", "LIVENESS", { face_liveness_method: "PASSIVE" }] as [string, string, Record<string, unknown>];
const codes = (graph: ReturnType<typeof makeGraph>) => findRiskyShapes(compileWorkflowPlan(graph)).map((s) => `${s.code}@${s.nodeId}`).sort();

describe("findRiskyShapes", () => {
  it("finds nothing in a liveness -> face match -> approved workflow", () => {
    const graph = makeGraph([["start", "start"], live, ["fm", "FACE_MATCH"], ["ok", "END_APPROVED"]], [["start", "live"], ["live", "fm"], ["fm", "ok"]]);
    expect(codes(graph)).toEqual([]);
  });

  it("flags an Approved end reachable around the liveness check", () => {
    const graph = makeGraph(
      [["start", "start"], ["cond", "CONDITION", { signal: "known_ip" }], live, ["ok", "END_APPROVED"]],
      [["start", "cond"], ["cond", "ok", "true"], ["cond", "live", "false"], ["live", "ok"]],
    );
    expect(codes(graph)).toEqual(["approves_without_liveness@ok"]);
  });

  it("flags approval through a check's declined or review output as not passing it", () => {
    const graph = makeGraph(
      [["start", "start"], live, ["ok", "END_APPROVED"], ["no", "END_DECLINED"]],
      [["start", "live"], ["live", "ok", "approved"], ["live", "ok", "review"], ["live", "no", "declined"]],
    );
    expect(codes(graph)).toEqual(["approves_without_liveness@ok"]);
  });

  it("flags a path that skips the face match only when the workflow has one", () => {
    const skipping = makeGraph(
      [["start", "start"], live, ["cond", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 95 }], ["fm", "FACE_MATCH"], ["ok", "END_APPROVED"]],
      [["start", "live"], ["live", "cond"], ["cond", "ok", "true"], ["cond", "fm", "false"], ["fm", "ok"]],
    );
    expect(codes(skipping)).toEqual(["approves_without_face_match@ok"]);
    const livenessOnly = makeGraph([["start", "start"], live, ["ok", "END_APPROVED"]], [["start", "live"], ["live", "ok"]]);
    expect(codes(livenessOnly)).toEqual([]);
  });

  it("flags a condition whose branches both end the same way", () => {
    const graph = makeGraph(
      [["start", "start"], live, ["cond", "CONDITION", { signal: "ip_country", countries: ["FR"] }], ["r1", "END_IN_REVIEW"], ["r2", "END_IN_REVIEW"]],
      [["start", "live"], ["live", "cond"], ["cond", "r1", "true"], ["cond", "r2", "false"]],
    );
    expect(codes(graph)).toEqual(["condition_changes_nothing@cond"]);
  });

  it("does not flag a condition whose branches differ only through a check's result", () => {
    const graph = makeGraph(
      [["start", "start"], ["cond", "CONDITION", { signal: "known_device" }], live, ["live2", "LIVENESS", { face_liveness_method: "ACTIVE_3D" }], ["ok", "END_APPROVED"]],
      [["start", "cond"], ["cond", "live", "true"], ["cond", "live2", "false"], ["live", "ok"], ["live2", "ok"]],
    );
    expect(codes(graph)).toEqual([]);
  });

  it("flags the inverted known-device condition: new devices approved, known ones sent to review", () => {
    const graph = makeGraph(
      [["start", "start"], live, ["cond", "CONDITION", { signal: "known_device" }], ["review", "END_IN_REVIEW"], ["ok", "END_APPROVED"]],
      [["start", "live"], ["live", "cond"], ["cond", "review", "true"], ["cond", "ok", "false"]],
    );
    const shapes = findRiskyShapes(compileWorkflowPlan(graph));
    expect(shapes.map((s) => s.code)).toEqual(["new_device_more_lenient"]);
    expect(shapes[0].message).toMatch(/new device can be approved while a known device is treated more strictly/);
  });

  it("accepts the intended known-device condition and flags an inverted anonymising-network one", () => {
    const intended = makeGraph(
      [["start", "start"], live, ["cond", "CONDITION", { signal: "known_device" }], ["review", "END_IN_REVIEW"], ["ok", "END_APPROVED"]],
      [["start", "live"], ["live", "cond"], ["cond", "ok", "true"], ["cond", "review", "false"]],
    );
    expect(codes(intended)).toEqual([]);
    const anonymous = makeGraph(
      [["start", "start"], live, ["cond", "CONDITION", { signal: "anonymous_network" }], ["no", "END_DECLINED"], ["ok", "END_APPROVED"]],
      [["start", "live"], ["live", "cond"], ["cond", "ok", "true"], ["cond", "no", "false"]],
    );
    expect(codes(anonymous)).toEqual(["new_device_more_lenient@cond"]);
  });
});
