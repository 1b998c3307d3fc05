import { decideScoreStatus, type Thresholds } from "@/lib/verification/decide-score-status";
import type { CheckStep, SimulatedAnswer } from "@/lib/workflows/simulate-workflow-run";
import { createWarning } from "@/lib/verification/warnings";

export type SimulationInput = {
  face_match_score?: number | null;
  liveness_score?: number | null;
  liveness_method?: string;
  known_device?: boolean;
  known_ip?: boolean;
  anonymous_network?: boolean;
  ip_country?: string;
  list_hit?: "none" | "blocklist" | "duplicate";
};
export type DefaultThresholds = { faceMatch: Thresholds; liveness: Thresholds };

type Config = { review_threshold?: number; decline_threshold?: number; block_anonymizers?: boolean; review_new_device?: boolean; check_blocklist?: boolean; check_duplicates?: boolean };

// Answers each check from form fields the way the capture flow decides it from a real selfie: scores
// against the node's thresholds (else the application's), list hits and network signals by the node's
// settings. A score left empty means the check was not reached in real life: the run stops there.
export function answerFromInputs(input: SimulationInput, defaults: DefaultThresholds): (step: CheckStep) => SimulatedAnswer {
  return (step) => {
    const config = step.config as Config;
    const thresholdsOf = (fallback: Thresholds) => ({ review: config.review_threshold ?? fallback.review, decline: config.decline_threshold ?? fallback.decline });
    switch (step.feature) {
      case "LIVENESS": {
        if (input.liveness_score === undefined || input.liveness_score === null) return null;
        const status = decideScoreStatus(input.liveness_score, thresholdsOf(defaults.liveness));
        return { status, score: input.liveness_score, warnings: status === "Approved" ? [] : [createWarning("LOW_LIVENESS_SCORE", `Simulated score ${input.liveness_score}.`)] };
      }
      case "FACE_MATCH": {
        if (input.face_match_score === undefined || input.face_match_score === null) return null;
        const status = decideScoreStatus(input.face_match_score, thresholdsOf(defaults.faceMatch));
        return { status, score: input.face_match_score, warnings: status === "Approved" ? [] : [createWarning("LOW_FACE_MATCH_SIMILARITY", `Simulated score ${input.face_match_score}.`)] };
      }
      case "IP_ANALYSIS":
        return { status: config.block_anonymizers && input.anonymous_network ? "Declined" : "Approved", warnings: [] };
      case "DEVICE_CHECK":
        return { status: !input.known_device && config.review_new_device ? "In Review" : "Approved", warnings: [] };
      case "FACE_LIST_CHECK": {
        const hit = input.list_hit ?? "none";
        if (hit === "blocklist" && config.check_blocklist !== false) return { status: "Declined", warnings: [createWarning("FACE_IN_BLOCKLIST")] };
        if (hit === "duplicate" && config.check_duplicates) return { status: "In Review", warnings: [createWarning("DUPLICATED_FACE")] };
        return { status: "Approved", warnings: [] };
      }
    }
  };
}
