// The contract between the hosted capture page (app/verify/[token], components/capture) and the capture
// endpoints (app/api/capture/[token]/...). The token in the URL is the only credential: unguessable,
// bound to one session, useless once the session is decided or expired.
import type { Language } from "@/lib/capture/languages";
import type { RetryReason } from "@/lib/capture/retry-reasons";

export type LivenessMethod = "PASSIVE" | "FLASHING" | "ACTIVE_3D";
export type HeadTurn = "left" | "right" | "up" | "down";

export type CaptureChallenge =
  // PASSIVE: a burst of `frames` frames about `intervalMs` apart, right after fetching its nonce
  // (POST /api/capture/{token}/burst); frame times go with it
  | { id: string; method: "PASSIVE"; frames: number; intervalMs: number }
  // FLASHING: show each colour full-screen for `stepMs`, capture one frame per colour (same order)
  | { id: string; method: "FLASHING"; colors: string[]; stepMs: number }
  // ACTIVE_3D: one frame looking straight, then one frame per requested turn (same order). Before each
  // turn's prompt the page waits for a straight look, holds it `holdsMs[i]` (random per challenge), then
  // shows the prompt; small trace frames from just before each prompt to its turn frame go with the
  // answer (`trace`, `trace_times`, `turn_times`: lib/capture/read-turn-trace.ts)
  | { id: string; method: "ACTIVE_3D"; turns: HeadTurn[]; holdsMs: number[] };

export type CaptureStep =
  // the user must press "Start" (consent screen); POST /start answers with the next step
  | { type: "start" }
  | { type: "capture"; challenge: CaptureChallenge; attempt: number; maxAttempts: number }
  // adaptive step-up decided no selfie is needed (known device and IP)
  | { type: "skipped"; reason: string }
  | { type: "done" };

export type CaptureState = {
  sessionId: string;
  sessionNumber: number;
  status: string; // session status: Not Started | In Progress | Approved | Declined | In Review | Expired | Abandoned ...
  workflowType: string;
  // session language, else the browser's Accept-Language, else the application default
  language: Language;
  branding: { name: string; color: string; logoUrl: string | null };
  // URL of this same page, for the desktop -> phone QR hand-off
  captureUrl: string;
  callback: string | null;
  step: CaptureStep;
  // last attempt's outcome, shown on the retry screen: a reason code the page words in its language,
  // never the risk codes (they would tell someone probing the checks which one caught them; reviewers
  // see them in the console)
  lastAttempt: { ok: boolean; reason: RetryReason | null } | null;
  // while not started: the random nonce the page's device key signs when the user presses start
  deviceNonce: string | null;
  // the session's workflow may show flashing colours (a FLASHING check) and the person has not chosen
  // the head-turn check instead: the start screen warns and offers it (POST /start `avoid_flashing`)
  flashingLight: boolean;
  expiresAt: string;
  // when a reviewer asked for a new attempt (status Resubmitted, and during that attempt): why, in the
  // page's language, and the reviewer's comment for the user
  resubmission?: { reason: string | null; comment: string | null } | null;
};

// POST /api/capture/{token}/burst answer: the single-use nonce for one PASSIVE burst
export type BurstTicket = { nonce: string; frames: number; intervalMs: number };

// POST /api/capture/{token}/frames answer
export type FrameResult = {
  outcome: "decided" | "retry";
  // when "retry": why, as a code the page words in its own language
  reason: RetryReason | null;
  state: CaptureState;
};
