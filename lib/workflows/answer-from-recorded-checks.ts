import { decideScoreStatus, type Thresholds } from "@/lib/verification/decide-score-status";
import { answerFromInputs, type DefaultThresholds } from "@/lib/workflows/answer-from-inputs";
import type { CheckStep, SimulatedAnswer } from "@/lib/workflows/simulate-workflow-run";
import type { CheckResultInput, WorkflowSignals } from "@/lib/workflows/types";

// One stored check result of a real session, oldest first; `thresholds`: those it was decided with.
export type RecordedCheck = Omit<CheckResultInput, "signals"> & { thresholds?: Thresholds | null };

type Config = { review_threshold?: number; decline_threshold?: number };
const sameThresholds = (a: Thresholds, b: Thresholds) => a.review === b.review && a.decline === b.decline;

// Answers a (possibly edited) workflow's checks from what a real session recorded:
// - device and network checks are recomputed from the session's signals, as the capture flow does;
// - a score check takes the recorded attempt of the same node (else of the same check elsewhere in the
//   graph); when the node's thresholds differ from those it was decided with, a status that followed
//   from the score is decided again on the new thresholds (a status with another cause, e.g. a
//   presentation attack, stands);
// - a check the session never ran answers null: the replay cannot know its result.
export function answerFromRecordedChecks(input: { checks: readonly RecordedCheck[]; signals: WorkflowSignals; defaults: DefaultThresholds }): (step: CheckStep) => SimulatedAnswer {
  const fromSignals = answerFromInputs({ known_device: input.signals.known_device, known_ip: input.signals.known_ip, anonymous_network: input.signals.anonymous_network }, input.defaults);
  return (step) => {
    if (step.feature === "DEVICE_CHECK" || step.feature === "IP_ANALYSIS") return fromSignals(step);
    const sameNode = input.checks.filter((c) => c.nodeId === step.nodeId && c.feature === step.feature);
    const sameFeature = input.checks.filter((c) => c.feature === step.feature);
    const firstNode = sameFeature[0]?.nodeId;
    const attempts = sameNode.length ? sameNode : sameFeature.filter((c) => c.nodeId === firstNode);
    const recorded = attempts[step.attempt - 1];
    if (!recorded) return null;
    const answer = { status: recorded.status, score: recorded.score ?? null, warnings: recorded.warnings ?? [] };
    if ((step.feature !== "LIVENESS" && step.feature !== "FACE_MATCH") || recorded.score === null || recorded.score === undefined || !recorded.thresholds) return answer;
    const config = step.config as Config;
    const fallback = step.feature === "LIVENESS" ? input.defaults.liveness : input.defaults.faceMatch;
    const now = { review: config.review_threshold ?? fallback.review, decline: config.decline_threshold ?? fallback.decline };
    if (sameThresholds(now, recorded.thresholds) || decideScoreStatus(recorded.score, recorded.thresholds) !== recorded.status) return answer;
    return { ...answer, status: decideScoreStatus(recorded.score, now) };
  };
}
