import { describe, expect, it } from "vitest";
import { featuresToGraph } from "@/lib/workflows/features-to-graph";
import { graphToFeatures } from "@/lib/workflows/graph-to-features";
import { createWorkflowSchema } from "@/lib/workflows/schemas";
import { makeGraph } from "@/lib/workflows/test-graphs";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";

describe("featuresToGraph / graphToFeatures", () => {
  const features = [
    { feature: "LIVENESS" as const, config: { face_liveness_method: "FLASHING" }, label: "Selfie" },
    { feature: "FACE_MATCH" as const, config: { review_threshold: 70, decline_threshold: 50 } },
    { feature: "IP_ANALYSIS" as const },
  ];

  it("builds a valid, laid-out linear graph ending in END_APPROVED", () => {
    const graph = featuresToGraph(features);
    expect(validateWorkflowGraph(graph)).toEqual([]);
    expect(graph.nodes.map((n) => [n.id, n.type, n.position.y])).toEqual([
      ["start", "start", 0], ["liveness-1", "LIVENESS", 140], ["face-match-2", "FACE_MATCH", 280], ["ip-analysis-3", "IP_ANALYSIS", 420], ["end-approved", "END_APPROVED", 560],
    ]);
    expect(graph.nodes[1]).toMatchObject({ label: "Selfie", config: { face_liveness_method: "FLASHING", max_attempts: 3 } });
    expect(graph.edges.map((e) => `${e.source}>${e.target}:${e.sourceHandle}`)).toEqual(["start>liveness-1:next", "liveness-1>face-match-2:next", "face-match-2>ip-analysis-3:next", "ip-analysis-3>end-approved:next"]);
  });

  it("round-trips, with defaults filled in", () => {
    expect(graphToFeatures(featuresToGraph(features))).toEqual([
      { feature: "LIVENESS", config: { face_liveness_method: "FLASHING", max_attempts: 3 }, label: "Selfie" },
      { feature: "FACE_MATCH", config: { review_threshold: 70, decline_threshold: 50, reference: "provided_image" } },
      { feature: "IP_ANALYSIS", config: { block_anonymizers: false, blocked_countries: [] } },
    ]);
  });

  it("lists the checks of a branched graph in topological order", () => {
    const graph = makeGraph(
      [["ok", "END_APPROVED"], ["m", "FACE_MATCH"], ["c", "CONDITION", { signal: "known_device" }], ["start", "start"], ["l", "LIVENESS"]],
      [["start", "c"], ["c", "l", "true"], ["c", "m", "false"], ["l", "m"], ["m", "ok"]],
    );
    expect(graphToFeatures(graph).map((f) => f.feature)).toEqual(["LIVENESS", "FACE_MATCH"]);
  });
});

describe("createWorkflowSchema features", () => {
  const parse = (body: unknown) => createWorkflowSchema.safeParse(body);

  it("refuses unsupported and unknown features with a clear message and field", () => {
    const res = parse({ workflow_label: "KYC", features: [{ feature: "LIVENESS" }, { feature: "ID_VERIFICATION" }] });
    expect(res.error?.issues[0]).toMatchObject({ path: ["features", 1, "feature"], message: expect.stringContaining("not supported") });
    expect(parse({ workflow_label: "x", features: [{ feature: "SELFIE" }] }).error?.issues[0].message).toContain("Unknown feature");
  });

  it("checks each feature's config at its path", () => {
    const res = parse({ workflow_label: "x", features: [{ feature: "FACE_MATCH", config: { review_threshold: 10, decline_threshold: 50 } }] });
    expect(res.error?.issues[0].path).toEqual(["features", 0, "config", "review_threshold"]);
  });

  it("wants exactly one of features and graph", () => {
    expect(parse({ workflow_label: "x" }).success).toBe(false);
    expect(parse({ workflow_label: "x", features: [{ feature: "LIVENESS" }], graph: { nodes: [], edges: [] } }).success).toBe(false);
    expect(parse({ workflow_label: "x", features: [{ feature: "LIVENESS" }] }).data).toMatchObject({ workflow_type: "default", is_default: false });
  });
});
