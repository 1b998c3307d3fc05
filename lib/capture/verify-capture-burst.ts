import type { DecodedImage, FivePoints } from "@/lib/vision";
import { measureBurstPixels, type BurstPixels } from "@/lib/vision/measure-burst-pixels";

// PASSIVE capture is a short burst from the camera (BURST_FRAMES frames, BURST_INTERVAL_MS apart),
// taken right after the page fetched a single-use nonce for it. What a live sensor in front of a live
// face always produces, and an uploaded or injected photo does not:
// - frames that differ: fresh sensor noise in every frame, so no two frames are (nearly) identical;
// - noise everywhere: a flat wall or backdrop that stays exactly the same is not a camera;
// - a face that moves a little: a breathing person or a hand-held phone is never still to a fraction
//   of a pixel, while a photo re-encoded (or given synthetic noise) keeps its landmarks in place;
// - camera timing: frames over about a second, after the nonce and before they arrived, with the
//   jitter of real frame delivery rather than a script's exact multiples.
// The codes are for reviewers only; the end user is told a generic retry reason.
export const BURST_FRAMES = 5;
export const BURST_INTERVAL_MS = 200;

export const burstLimits = {
  /** any two frames closer than this (mean |luma difference|, grey levels) are one picture */
  minPairDiff: 0.5,
  /** more than this fraction of the unclipped picture frozen across the burst: no sensor */
  maxFrozen: 0.5,
  /** flat blocks this frozen (when there is enough flat area to judge): no sensor */
  maxFlatFrozen: 0.9,
  minFlatFraction: 0.02,
  /** largest landmark movement over the burst, as a fraction of the eye distance */
  minFaceMotion: 0.002,
  minIntervalMs: 100,
  maxIntervalMs: 1000,
  minSpanMs: 600,
  maxSpanMs: 3000,
  /** first frame after the page received the nonce */
  maxFirstFrameMs: 2000,
  /** intervals all equal to within this: a script's arithmetic (0, 200, 400 ...), not a camera's
   * frames caught by a page on its own jittered schedule */
  minIntervalSpreadMs: 0.05,
  /** the frames may claim at most this much more time than the server saw pass (clock granularity) */
  clockSlackMs: 150,
  /** from the last frame to the upload's arrival (encoding and a slow network) */
  maxUploadMs: 30_000,
};

export type BurstCode =
  | "BURST_NONCE_INVALID"
  | "BURST_FRAME_SIZE_CHANGED"
  | "BURST_IDENTICAL_FRAMES"
  | "BURST_NO_SENSOR_NOISE"
  | "BURST_NO_FACE_MOTION"
  | "BURST_TIMING_TOO_FAST"
  | "BURST_TIMING_TOO_SLOW"
  | "BURST_TIMING_TOO_REGULAR"
  | "BURST_TIMING_MISMATCH";

export type BurstFrame = { image: Pick<DecodedImage, "data" | "width" | "height">; landmarks: FivePoints | null };

export type BurstInput = {
  frames: BurstFrame[];
  /** capture time of each frame, ms after the page received the nonce (the page's clock) */
  times: number[];
  /** the nonce the session holds for this challenge (null: none was issued) and the one sent */
  expectedNonce: string | null;
  givenNonce: string | null;
  /** server clock: when the nonce was issued and when the frames arrived */
  issuedAtMs: number | null;
  receivedAtMs: number;
};

export type BurstMeasures = Partial<Omit<BurstPixels, "pairDiffs">> & { pairDiffs?: number[]; faceMotion?: number; intervalsMs?: number[]; elapsedMs?: number | null };
export type BurstVerdict = { ok: boolean; codes: BurstCode[]; measures: BurstMeasures };

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;
const POINTS = ["leftEye", "rightEye", "nose", "mouthLeft", "mouthRight"] as const;

/** Largest mean landmark displacement from the first frame, in units of its eye distance. */
function faceMotion(frames: BurstFrame[]): number | null {
  const seen = frames.map((f) => f.landmarks).filter((l): l is FivePoints => l !== null);
  if (seen.length < 2) return null;
  const [base, ...rest] = seen;
  const eyes = Math.hypot(base.rightEye[0] - base.leftEye[0], base.rightEye[1] - base.leftEye[1]);
  if (!(eyes > 0)) return null;
  let most = 0;
  for (const l of rest) most = Math.max(most, POINTS.reduce((s, k) => s + Math.hypot(l[k][0] - base[k][0], l[k][1] - base[k][1]), 0) / POINTS.length);
  return most / eyes;
}

function timingCodes(input: BurstInput, measures: BurstMeasures): BurstCode[] {
  const L = burstLimits;
  const { times } = input;
  const codes = new Set<BurstCode>();
  if (times.length !== input.frames.length || times.some((t) => !Number.isFinite(t))) return ["BURST_TIMING_MISMATCH"];
  const intervals = times.slice(1).map((t, i) => t - times[i]);
  measures.intervalsMs = intervals.map((d) => round(d, 1));
  if (intervals.some((d) => d <= 0) || times[0] < 0) codes.add("BURST_TIMING_MISMATCH");
  const span = times.at(-1)! - times[0];
  if (intervals.some((d) => d < L.minIntervalMs) || span < L.minSpanMs) codes.add("BURST_TIMING_TOO_FAST");
  if (intervals.some((d) => d > L.maxIntervalMs) || span > L.maxSpanMs || times[0] > L.maxFirstFrameMs) codes.add("BURST_TIMING_TOO_SLOW");
  if (intervals.length > 1 && Math.max(...intervals) - Math.min(...intervals) < L.minIntervalSpreadMs) codes.add("BURST_TIMING_TOO_REGULAR");
  // the page's times start when it received the nonce, after the server issued it: they cannot
  // cover more time than the server saw pass before the frames arrived
  const elapsed = input.issuedAtMs === null ? null : input.receivedAtMs - input.issuedAtMs;
  measures.elapsedMs = elapsed;
  if (elapsed !== null) {
    if (times.at(-1)! > elapsed + L.clockSlackMs) codes.add("BURST_TIMING_MISMATCH");
    if (elapsed - times.at(-1)! > L.maxUploadMs) codes.add("BURST_TIMING_TOO_SLOW");
  }
  return [...codes];
}

export function verifyCaptureBurst(input: BurstInput): BurstVerdict {
  const L = burstLimits;
  const measures: BurstMeasures = {};
  const codes: BurstCode[] = [];
  if (!input.expectedNonce || !input.givenNonce || input.expectedNonce !== input.givenNonce || input.issuedAtMs === null) codes.push("BURST_NONCE_INVALID");
  codes.push(...timingCodes(input, measures));

  const { width, height } = input.frames[0].image;
  if (input.frames.length < 2 || input.frames.some((f) => f.image.width !== width || f.image.height !== height)) {
    codes.push("BURST_FRAME_SIZE_CHANGED");
  } else {
    const px = measureBurstPixels(input.frames.map((f) => f.image));
    Object.assign(measures, { pairDiffs: px.pairDiffs.map((d) => round(d, 2)), minPairDiff: round(px.minPairDiff, 2), frozenFraction: round(px.frozenFraction), flatFrozenFraction: round(px.flatFrozenFraction), flatFraction: round(px.flatFraction) });
    if (px.minPairDiff < L.minPairDiff) codes.push("BURST_IDENTICAL_FRAMES");
    if (px.frozenFraction > L.maxFrozen || (px.flatFraction >= L.minFlatFraction && px.flatFrozenFraction > L.maxFlatFrozen)) codes.push("BURST_NO_SENSOR_NOISE");
    const motion = faceMotion(input.frames);
    if (motion !== null) {
      measures.faceMotion = round(motion, 4);
      if (motion < L.minFaceMotion) codes.push("BURST_NO_FACE_MOTION");
    }
  }
  return { ok: codes.length === 0, codes, measures };
}
