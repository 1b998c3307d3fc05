// Why a capture has to be repeated, as a code. The page turns the code into its own language's words
// (catalogue `reasons`), so no server text, internal or English, can reach the screen; what went wrong
// in detail goes to the server log and the case record for reviewers.
export const RETRY_REASONS = [
  "no_face",
  "face_lost",
  "multiple_faces",
  "too_dark",
  "too_close",
  "low_quality",
  "liveness_failed",
  "flash_not_followed",
  "head_not_turned",
  "face_changed",
  // the upload did not hold what the challenge asked for (too few or too many frames, bad timings)
  "frame_count",
  "upload_rejected",
  // the challenge was answered too late
  "timeout",
] as const;
export type RetryReason = (typeof RETRY_REASONS)[number];

export function isRetryReason(value: unknown): value is RetryReason {
  return typeof value === "string" && (RETRY_REASONS as readonly string[]).includes(value);
}
