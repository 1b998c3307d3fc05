import type { LivenessLimitation } from "@/lib/vision/liveness-score";
import { decideScoreStatus, type Thresholds } from "./decide-score-status";
import { createWarning, type Warning } from "./warnings";

export type LivenessDecision = { status: "Approved" | "In Review" | "Declined"; warnings: Warning[] };

// An image that cannot show liveness is declined for what it lacks, said as a quality problem the
// user can fix, rather than as a suspected attack.
const lacking: Record<LivenessLimitation, string> = {
  grayscale: "The image has no colour; the liveness check needs a colour camera image, so it is declined.",
  face_fills_image: "The face fills the image; the liveness check needs some background around the head (face at most about half the image width), so it is declined.",
  low_resolution: "The face and its surroundings are too few pixels for the liveness check, so it is declined.",
};

/**
 * Liveness score (0-100) -> status and warnings at the given thresholds, added to the image's face
 * warnings (`faceWarnings`; a liveness LOW_FACE_QUALITY replaces the generic one). `image` names the field.
 */
export function decideLiveness(input: { score: number; limitation?: LivenessLimitation; thresholds: Thresholds; image: string; faceWarnings: Warning[] }): LivenessDecision {
  const { score, thresholds, faceWarnings } = input;
  if (input.limitation) {
    const quality = createWarning("LOW_FACE_QUALITY", `Image: ${input.image}. ${lacking[input.limitation]}`);
    return { status: "Declined", warnings: [...faceWarnings.filter((w) => w.risk !== "LOW_FACE_QUALITY"), quality] };
  }
  const status = decideScoreStatus(score, thresholds);
  if (status === "Declined") return { status, warnings: [...faceWarnings, createWarning("LIVENESS_FACE_ATTACK", `Score ${score}; decline below ${thresholds.decline}.`)] };
  if (status === "In Review") return { status, warnings: [...faceWarnings, createWarning("LOW_LIVENESS_SCORE", `Score ${score}; review below ${thresholds.review}.`)] };
  return { status, warnings: faceWarnings };
}
