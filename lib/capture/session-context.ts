import type { CaptureChallenge } from "@/lib/capture/types";
import type { StepUp } from "@/lib/capture/decide-step-up";
import type { WorkflowSignals } from "@/lib/workflows/types";

// What the capture flow keeps on the session row between requests. `burst`: the nonce of the PASSIVE
// burst the page is taking now (one at a time; consumed with the challenge).
export type StoredChallenge = CaptureChallenge & { nodeId: string; attempt: number; maxAttempts: number; issuedAt: string; burst?: { nonce: string; issuedAt: string } };
// `avoid_flashing`: the person asked not to be shown flashing light (avoid-flashing.ts); snake_case like
// the rest of what the decision returns as `step_up`.
export type StoredStepUp = StepUp & { signals: WorkflowSignals; avoid_flashing?: boolean };

export function readChallenge(value: unknown): StoredChallenge | null {
  return value && typeof value === "object" && "id" in value ? (value as StoredChallenge) : null;
}

export function readStepUp(value: unknown): StoredStepUp | null {
  return value && typeof value === "object" && "action" in value ? (value as StoredStepUp) : null;
}
