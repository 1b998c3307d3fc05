// The risks a check can report, with the wording shown to integrators and reviewers. `log_type` follows
// the hosted service: information (no effect), warning (lowers the status), error (declines).
export type Risk =
  | "NO_REFERENCE_IMAGE"
  | "NO_FACE_DETECTED"
  | "LOW_FACE_MATCH_SIMILARITY"
  | "MULTIPLE_FACES_DETECTED"
  | "LOW_FACE_QUALITY"
  | "LOW_FACE_LUMINANCE"
  | "HIGH_FACE_LUMINANCE"
  | "LIVENESS_FACE_ATTACK"
  | "LOW_LIVENESS_SCORE"
  | "FACE_IN_BLOCKLIST"
  | "DUPLICATED_FACE"
  | "LIVENESS_MAX_ATTEMPTS_EXCEEDED";

export type LogType = "information" | "warning" | "error";
// `additional_data` names what a FACE_IN_BLOCKLIST or DUPLICATED_FACE warning matched (as the hosted
// service does); other warnings leave it out.
export type Warning = { risk: Risk; log_type: LogType; short_description: string; long_description: string; additional_data?: WarningData };
export type WarningData = Record<string, string | number | null>;

const catalogue: Record<Risk, { log_type: LogType; short: string; long: string }> = {
  NO_REFERENCE_IMAGE: { log_type: "error", short: "No reference image", long: "There is no reference image to compare the face with, so the match cannot pass." },
  NO_FACE_DETECTED: { log_type: "error", short: "No face detected", long: "No face was found in the image. Ask for a well-lit, front-facing photo with the whole face visible." },
  LOW_FACE_MATCH_SIMILARITY: { log_type: "warning", short: "Low face match similarity", long: "The two faces are less similar than the configured threshold; they may belong to different people." },
  MULTIPLE_FACES_DETECTED: { log_type: "information", short: "Multiple faces detected", long: "More than one face was found; the largest face was used." },
  LOW_FACE_QUALITY: { log_type: "warning", short: "Low face quality", long: "The face is small, blurred or turned away, which makes the result less reliable." },
  LOW_FACE_LUMINANCE: { log_type: "warning", short: "Face too dark", long: "The face is underexposed; details needed for a reliable check may be missing." },
  HIGH_FACE_LUMINANCE: { log_type: "warning", short: "Face too bright", long: "The face is overexposed; details needed for a reliable check may be missing." },
  LIVENESS_FACE_ATTACK: { log_type: "error", short: "Presentation attack suspected", long: "The image looks like a photo of a photo, a screen or a mask rather than a live person." },
  LOW_LIVENESS_SCORE: { log_type: "warning", short: "Low liveness score", long: "The liveness score is below the review threshold; a person should look at the capture." },
  FACE_IN_BLOCKLIST: { log_type: "error", short: "Face in blocklist", long: "The face matches a face on this application's blocklist." },
  DUPLICATED_FACE: { log_type: "warning", short: "Duplicated face", long: "The face matches a face already enrolled for a different user." },
  LIVENESS_MAX_ATTEMPTS_EXCEEDED: { log_type: "error", short: "Too many liveness attempts", long: "Every allowed liveness attempt failed, so the session was declined." },
};

export function createWarning(risk: Risk, detail?: string, additionalData?: WarningData): Warning {
  const entry = catalogue[risk];
  const warning: Warning = { risk, log_type: entry.log_type, short_description: entry.short, long_description: detail ? `${entry.long} ${detail}` : entry.long };
  return additionalData ? { ...warning, additional_data: additionalData } : warning;
}
