import { describe, expect, it } from "vitest";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { deriveDecidedBy, type DecisiveCheck } from "@/lib/workflows/derive-decided-by";
import { describeDecidedBy, readDecidedBy } from "@/lib/workflows/describe-decided-by";
import { runWorkflowStep } from "@/lib/workflows/run-workflow-step";
import { makeGraph } from "@/lib/workflows/test-graphs";
import type { CheckNodeType, WorkflowStep } from "@/lib/workflows/types";

// liveness (application thresholds) -> face match (its own review threshold 70) -> list -> Approved
const plan = compileWorkflowPlan(
  makeGraph(
    [["start", "start"], ["l", "LIVENESS", { max_attempts: 1 }], ["m", "FACE_MATCH", { review_threshold: 70 }], ["list", "FACE_LIST_CHECK"], ["ok", "END_APPROVED"]],
    [["start", "l"], ["l", "m"], ["m", "list"], ["list", "ok"]],
  ),
);
const check = (nodeId: string, status: string, score: number | null, thresholds: DecisiveCheck["thresholds"], risks: string[] = []): DecisiveCheck => ({ nodeId, status, score, thresholds, warnings: risks.map((risk) => ({ risk })) });
const FEATURE: Record<string, CheckNodeType> = { l: "LIVENESS", m: "FACE_MATCH", list: "FACE_LIST_CHECK" };

// runs the real engine on the checks, then derives the rule from its cause
function decide(checks: DecisiveCheck[]) {
  const step = runWorkflowStep({ plan, sessionId: "s", results: checks.map((c) => ({ nodeId: c.nodeId, feature: FEATURE[c.nodeId], status: c.status as "Approved", score: c.score })) }) as Extract<WorkflowStep, { type: "outcome" }>;
  expect(step.type).toBe("outcome");
  return { status: step.status, decidedBy: deriveDecidedBy({ plan, cause: step.cause, checks }) };
}

describe("deriveDecidedBy", () => {
  it("credits the end node when every check approved", () => {
    const out = decide([check("l", "Approved", 90, { review: 60, decline: 40 }), check("m", "Approved", 80, { review: 70, decline: 30 }), check("list", "Approved", null, null)]);
    expect(out).toEqual({ status: "Approved", decidedBy: { rule: "end_node", nodeId: "ok", status: "Approved" } });
    expect(describeDecidedBy(out.decidedBy)).toBe("Approved because the path ended at the Approved end.");
  });

  it("names the workflow's own review threshold that overrode an Approved path", () => {
    const out = decide([check("l", "Approved", 90, { review: 60, decline: 40 }), check("m", "In Review", 62, { review: 70, decline: 30 }), check("list", "Approved", null, null)]);
    expect(out.status).toBe("In Review");
    expect(out.decidedBy).toEqual({ rule: "check_threshold", nodeId: "m", check: "FACE_MATCH", score: 62, threshold: 70, kind: "review", source: "workflow", pathEnd: { nodeId: "ok", status: "Approved" } });
    expect(describeDecidedBy(out.decidedBy)).toBe("In Review because the face-match score 62 is below this workflow's review threshold 70, although the path ended at Approved.");
  });

  it("names the application's decline threshold when a declined check stopped the run", () => {
    const out = decide([check("l", "Declined", 20, { review: 60, decline: 40 })]);
    expect(out.decidedBy).toMatchObject({ rule: "check_threshold", nodeId: "l", kind: "decline", threshold: 40, source: "application", pathEnd: null });
    expect(describeDecidedBy(out.decidedBy)).toMatch(/^Declined because the liveness score 20 is below the application's default decline threshold 40; the run stopped there/);
  });

  it("a status not explained by the score is the check's result, with its warnings", () => {
    const out = decide([check("l", "Declined", 95, { review: 60, decline: 40 }, ["BURST_REPLAYED"])]);
    expect(out.decidedBy).toMatchObject({ rule: "check_result", check: "LIVENESS", status: "Declined", warnings: ["BURST_REPLAYED"] });
  });

  it("a face list hit is a list_hit", () => {
    const out = decide([check("l", "Approved", 90, { review: 60, decline: 40 }), check("m", "Approved", 80, { review: 70, decline: 30 }), check("list", "Declined", null, null, ["BLOCKLISTED_FACE"])]);
    expect(out.decidedBy).toEqual({ rule: "list_hit", nodeId: "list", status: "Declined", warnings: ["BLOCKLISTED_FACE"], pathEnd: null });
    expect(describeDecidedBy(out.decidedBy)).toMatch(/^Declined because the face matched a face list entry \(BLOCKLISTED_FACE\)/);
  });
});

describe("describeDecidedBy / readDecidedBy", () => {
  it("words the people and the deadlines", () => {
    expect(describeDecidedBy({ rule: "reviewer", status: "Approved", reviewerId: "u1", actor: "user:u1", reviewId: "r" }, { u1: "ana@example.com" })).toBe("Approved by ana@example.com's decision.");
    expect(describeDecidedBy({ rule: "reviewer", status: "Declined", reviewerId: null, actor: "api_key:k1", reviewId: "r" })).toBe("Declined through the API (api_key:k1).");
    expect(describeDecidedBy({ rule: "second_review", status: "Declined", reviewerId: "u1", confirmedById: "u2", reviewId: "r" }, { u2: "bo@example.com" })).toBe("Declined by a reviewer's decision, confirmed by bo@example.com (four-eyes).");
    expect(describeDecidedBy({ rule: "abandoned" })).toMatch(/^Abandoned/);
  });

  it("reads only known rules", () => {
    expect(readDecidedBy({ rule: "expired" })).toEqual({ rule: "expired" });
    expect(readDecidedBy({ rule: "magic" })).toBeNull();
    expect(readDecidedBy(null)).toBeNull();
  });
});
