import type { AnalyzedUpload } from "@/lib/checks/analyze-upload";
import { describeFaceWarnings } from "@/lib/checks/analyze-upload";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import type { CaptureChallenge } from "@/lib/capture/types";
import type { BurstVerdict } from "@/lib/capture/verify-capture-burst";
import { verifyFlashResponse, type Rgb } from "@/lib/capture/verify-flash-response";
import { verifyHeadTurns } from "@/lib/capture/verify-head-turns";
import { verifyTurnTiming, type TurnTrace } from "@/lib/capture/verify-turn-timing";
import { compareEmbeddings, scoreLiveness } from "@/lib/vision";
import { decideLiveness } from "@/lib/verification/decide-liveness";
import type { Thresholds } from "@/lib/verification/decide-score-status";
import { createWarning, type Warning } from "@/lib/verification/warnings";

export type LivenessEvaluation = { status: "Approved" | "In Review" | "Declined"; score: number | null; warnings: Warning[]; retryReason: RetryReason | null; details: Record<string, unknown> };

// Mean colour of the inner part of the face box (cheeks, nose, forehead), where screen light lands.
function faceMean(frame: AnalyzedUpload): Rgb {
  const { box } = frame.analysis.faces[0];
  const { data, width, height } = frame.image;
  const x0 = Math.max(0, Math.round(box.x + box.width * 0.25));
  const x1 = Math.min(width, Math.round(box.x + box.width * 0.75));
  const y0 = Math.max(0, Math.round(box.y + box.height * 0.2));
  const y1 = Math.min(height, Math.round(box.y + box.height * 0.8));
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  for (let y = y0; y < y1; y += 2) {
    for (let x = x0; x < x1; x += 2) {
      const i = (y * width + x) * 3;
      sum[0] += data[i];
      sum[1] += data[i + 1];
      sum[2] += data[i + 2];
      n++;
    }
  }
  return sum.map((v) => v / Math.max(1, n)) as Rgb;
}

function attack(score: number | null, warnings: Warning[], retryReason: RetryReason, detail: string, details: Record<string, unknown>): LivenessEvaluation {
  return { status: "Declined", score: score === null ? null : Math.min(score, 20), warnings: [...warnings, createWarning("LIVENESS_FACE_ATTACK", detail)], retryReason, details };
}

// What the person can change about a declined attempt: the framing or light when a warning says so.
function declinedReason(limitation: string | undefined, warnings: Warning[]): RetryReason {
  if (limitation === "face_fills_image") return "too_close";
  if (warnings.some((w) => w.risk === "MULTIPLE_FACES_DETECTED")) return "multiple_faces";
  if (warnings.some((w) => w.risk === "LOW_FACE_LUMINANCE")) return "too_dark";
  return limitation ? "low_quality" : "liveness_failed";
}

// One capture attempt against its challenge: the anti-spoofing score of the first (straight) frame, plus
// the method's own proof of a live, present person (a camera burst, colour response or 3-D head turns
// that followed their prompts in time).
// A failed burst is an attack for reviewers (the codes go in the warning) and a generic retry for the
// page: the reason it gets does not say which check caught it.
export async function evaluateLiveness(input: { challenge: CaptureChallenge; frames: AnalyzedUpload[]; burst: BurstVerdict | null; trace?: TurnTrace | null; thresholds: Thresholds }): Promise<LivenessEvaluation> {
  const [first] = input.frames;
  const warnings = describeFaceWarnings(first);
  if (!first.analysis.primary) return { status: "Declined", score: null, warnings, retryReason: "no_face", details: {} };
  const liveness = await scoreLiveness(first.image, first.analysis.faces[0]);
  const score = Math.round(liveness.score);
  const details: Record<string, unknown> = { passive: { score, probability: liveness.probability, ...(liveness.limitation ? { limitation: liveness.limitation } : {}) } };
  const { challenge, burst } = input;
  if (challenge.method === "PASSIVE") {
    Object.assign(details, { burst: burst ?? { ok: false, codes: ["BURST_MISSING"] } });
    if (!burst?.ok) return attack(score, warnings, "liveness_failed", `Capture burst rejected: ${burst?.codes.join(", ") ?? "BURST_MISSING"}.`, details);
  }
  if (challenge.method !== "PASSIVE" && input.frames.some((f) => !f.analysis.primary)) return attack(score, warnings, "face_lost", "The face left the frame during the challenge.", details);
  if (challenge.method === "FLASHING") {
    const verdict = verifyFlashResponse({ colors: challenge.colors, faceMeans: input.frames.map(faceMean) });
    Object.assign(details, { flash: verdict });
    if (!verdict.ok) return attack(score, warnings, "flash_not_followed", "The face did not reflect the screen's colour sequence.", details);
  }
  if (challenge.method === "ACTIVE_3D") {
    const base = first.analysis.primary;
    const sameFace = input.frames.slice(1).map((f) => compareEmbeddings(base.embedding, f.analysis.primary!.embedding).score >= input.thresholds.decline);
    const poses = input.frames.map((f) => f.analysis.primary!.pose);
    const verdict = verifyHeadTurns({ turns: challenge.turns, poses, sameFace });
    Object.assign(details, { turns: verdict });
    if (!verdict.ok) return attack(score, warnings, sameFace.every(Boolean) ? "head_not_turned" : "face_changed", `Head-turn challenge failed: ${verdict.reason}.`, details);
    const timing = verifyTurnTiming({ turns: challenge.turns, straight: poses[0], turnPoses: poses.slice(1), trace: input.trace ?? null });
    // for reviewers and tuning: how long each turn took after its prompt, and how many looks the trace had
    const trace = input.trace ? { turnTimes: input.trace.turnTimes, samples: input.trace.samples.length } : null;
    Object.assign(details, { turns: { ...verdict, timing: { ...timing, trace } } });
    if (!timing.ok) return attack(score, warnings, "head_not_turned", `Head-turn challenge not followed in time: ${timing.reason}.`, details);
  }
  const { status, warnings: decided } = decideLiveness({ score, limitation: liveness.limitation, thresholds: input.thresholds, image: first.field, faceWarnings: warnings });
  const retryReason = status !== "Declined" ? null : declinedReason(liveness.limitation, warnings);
  return { status, score, warnings: decided, retryReason, details };
}
