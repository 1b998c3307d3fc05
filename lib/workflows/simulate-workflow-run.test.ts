import { describe, expect, it } from "vitest";
import { answerFromInputs } from "@/lib/workflows/answer-from-inputs";
import { answerFromRecordedChecks } from "@/lib/workflows/answer-from-recorded-checks";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { simulateWorkflowRun } from "@/lib/workflows/simulate-workflow-run";
import { makeGraph } from "@/lib/workflows/test-graphs";

const defaults = { faceMatch: { review: 70, decline: 50 }, liveness: { review: 50, decline: 50 } };
const plan = compileWorkflowPlan(
  makeGraph(
    [["start", "start"], ["live", "LIVENESS", { max_attempts: 2 }], ["fm", "FACE_MATCH"], ["cond", "CONDITION", { signal: "known_device" }], ["ok", "END_APPROVED"], ["review", "END_IN_REVIEW"]],
    [["start", "live"], ["live", "fm"], ["fm", "cond"], ["cond", "ok", "true"], ["cond", "review", "false"]],
  ),
);

describe("simulateWorkflowRun", () => {
  it("follows the path the form inputs lead to", () => {
    const known = simulateWorkflowRun({ plan, sessionId: "s", signals: { known_device: true }, answer: answerFromInputs({ liveness_score: 90, face_match_score: 85 }, defaults) });
    expect(known).toMatchObject({ kind: "outcome", status: "Approved", pathTaken: ["start", "live", "fm", "cond", "ok"] });
    const lowMatch = simulateWorkflowRun({ plan, sessionId: "s", signals: { known_device: true }, answer: answerFromInputs({ liveness_score: 90, face_match_score: 60 }, defaults) });
    expect(lowMatch).toMatchObject({ status: "In Review", endNodeId: "ok" });
    // a declined liveness is asked again up to max_attempts, then the run stops there
    const spoof = simulateWorkflowRun({ plan, sessionId: "s", answer: answerFromInputs({ liveness_score: 10, face_match_score: 90 }, defaults) });
    expect(spoof).toMatchObject({ kind: "outcome", status: "Declined", endNodeId: "live", pathTaken: ["start", "live"] });
  });

  it("says which check it could not answer when an input is missing", () => {
    const run = simulateWorkflowRun({ plan, sessionId: "s", answer: answerFromInputs({ liveness_score: 90 }, defaults) });
    expect(run).toEqual({ kind: "unknown", nodeId: "fm", feature: "FACE_MATCH", pathTaken: ["start", "live", "fm"] });
  });

  it("replays recorded attempts, deciding a score again only when the thresholds changed", () => {
    const checks = [
      { nodeId: "live", feature: "LIVENESS" as const, status: "Declined" as const, score: 30, thresholds: defaults.liveness },
      { nodeId: "live", feature: "LIVENESS" as const, status: "Approved" as const, score: 80, thresholds: defaults.liveness },
      { nodeId: "fm", feature: "FACE_MATCH" as const, status: "In Review" as const, score: 65, thresholds: defaults.faceMatch },
    ];
    const answer = answerFromRecordedChecks({ checks, signals: { known_device: true }, defaults });
    expect(simulateWorkflowRun({ plan, sessionId: "s", signals: { known_device: true }, answer })).toMatchObject({ status: "In Review", endNodeId: "ok" });
    const looser = compileWorkflowPlan(
      makeGraph(
        [["start", "start"], ["live", "LIVENESS", { max_attempts: 2 }], ["fm2", "FACE_MATCH", { review_threshold: 60, decline_threshold: 40 }], ["ok", "END_APPROVED"]],
        [["start", "live"], ["live", "fm2"], ["fm2", "ok"]],
      ),
    );
    expect(simulateWorkflowRun({ plan: looser, sessionId: "s", answer })).toMatchObject({ status: "Approved", pathTaken: ["start", "live", "fm2", "ok"] });
  });
});
