import type { FaceQuality, QualityWarning } from "./types";

// Face quality on plain typed arrays (no onnxruntime), each part 0-100 where 100 is best.
// The ranges are chosen from what the recogniser needs, not fitted to a dataset: dlib's chip is
// 150 px with the eyes ~80 px apart, so below ~30 px inter-ocular distance detail is invented.

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));
const ramp = (x: number, lo: number, hi: number) => clamp01((x - lo) / (hi - lo));

/** Inter-ocular distance in source pixels: 0 at <= 15 px, 100 at >= 60 px. */
export function sizeScore(interOcularPx: number): number {
  return Math.round(100 * ramp(interOcularPx, 15, 60));
}

/** Variance of the 4-neighbour Laplacian over the central region of a grayscale crop (0-255). */
export function laplacianVariance(gray: Float32Array, width: number, height: number, margin = 0.2): number {
  const x0 = Math.max(1, Math.floor(width * margin)), x1 = Math.min(width - 1, Math.ceil(width * (1 - margin)));
  const y0 = Math.max(1, Math.floor(height * margin)), y1 = Math.min(height - 1, Math.ceil(height * (1 - margin)));
  let sum = 0, sumSq = 0, n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const l = gray[i - 1] + gray[i + 1] + gray[i - width] + gray[i + width] - 4 * gray[i];
      sum += l;
      sumSq += l * l;
      n++;
    }
  return n ? sumSq / n - (sum / n) ** 2 : 0;
}

/** Sharpness from the Laplacian variance on a log scale: 0 at <= 15 (smeared), 100 at >= 250. */
export function sharpnessScore(variance: number): number {
  return Math.round(100 * ramp(Math.log10(Math.max(variance, 1e-3)), Math.log10(15), Math.log10(250)));
}

export function meanLuminance(gray: Float32Array, width: number, height: number, margin = 0.25): number {
  let sum = 0, n = 0;
  for (let y = Math.floor(height * margin); y < Math.ceil(height * (1 - margin)); y++)
    for (let x = Math.floor(width * margin); x < Math.ceil(width * (1 - margin)); x++) {
      sum += gray[y * width + x];
      n++;
    }
  return n ? sum / n : 0;
}

/** 100 for a face mean luma of 80-180; 0 at <= 25 or >= 235. */
export function luminanceScore(mean: number): number {
  if (mean < 80) return Math.round(100 * ramp(mean, 25, 80));
  if (mean > 180) return Math.round(100 * (1 - ramp(mean, 180, 235)));
  return 100;
}

/** Yaw and pitch in degrees from FaceMesh 3-D points (eye corners 33/263, forehead 10, chin 152). */
export function estimatePose(mesh: Float32Array): { yaw: number; pitch: number; roll: number } {
  const p = (i: number) => [mesh[i * 3], mesh[i * 3 + 1], mesh[i * 3 + 2]];
  const [l, r, top, chin] = [p(33), p(263), p(10), p(152)];
  const ax = [r[0] - l[0], r[1] - l[1], r[2] - l[2]];
  const ay = [chin[0] - top[0], chin[1] - top[1], chin[2] - top[2]];
  // face normal = across x down; a frontal face gives (0, 0, +1) in image axes (z into the scene)
  const n = [ax[1] * ay[2] - ax[2] * ay[1], ax[2] * ay[0] - ax[0] * ay[2], ax[0] * ay[1] - ax[1] * ay[0]];
  const deg = 180 / Math.PI;
  return {
    yaw: Math.atan2(n[0], n[2]) * deg,
    // FaceMesh point 10 sits behind the chin in depth, so a frontal face reads ~10 degrees "up"
    pitch: Math.atan2(-n[1], Math.hypot(n[0], n[2])) * deg - 10,
    roll: Math.atan2(ax[1], ax[0]) * deg,
  };
}

/** 100 within 10 degrees of frontal, 0 at 45 degrees of yaw or pitch. */
export function poseScore({ yaw, pitch }: { yaw: number; pitch: number }): number {
  const worst = Math.max(Math.abs(yaw), Math.abs(pitch));
  return Math.round(100 * (1 - ramp(worst, 10, 45)));
}

/** The weakest part counts most: half the minimum plus half the mean. */
export function overallQuality(parts: Omit<FaceQuality, "overall">): number {
  const v = [parts.size, parts.sharpness, parts.luminance, parts.pose];
  return Math.round(0.5 * Math.min(...v) + 0.5 * (v.reduce((a, b) => a + b, 0) / v.length));
}

export function qualityWarnings(q: FaceQuality, meanLuma: number): QualityWarning[] {
  const out: QualityWarning[] = [];
  if (q.overall < 50) out.push("LOW_FACE_QUALITY");
  if (meanLuma < 50) out.push("LOW_FACE_LUMINANCE");
  if (meanLuma > 210) out.push("HIGH_FACE_LUMINANCE");
  return out;
}

/** Luma (BT.601) of an RGB chip in either layout, undoing the recogniser's normalisation. */
export function chipToGray(chip: Float32Array, size: number, layout: "nchw" | "nhwc", mean: readonly number[], scale: readonly number[]): Float32Array {
  const plane = size * size;
  const gray = new Float32Array(plane);
  // Runs once per embedded face on the event loop: flat indices, no per-pixel closure.
  const [pixelStride, channelStride] = layout === "nchw" ? [1, plane] : [3, 1];
  const kr = 0.299 / scale[0], kg = 0.587 / scale[1], kb = 0.114 / scale[2];
  const offset = 0.299 * mean[0] + 0.587 * mean[1] + 0.114 * mean[2];
  for (let i = 0, q = 0; i < plane; i++, q += pixelStride) gray[i] = kr * chip[q] + kg * chip[q + channelStride] + kb * chip[q + 2 * channelStride] + offset;
  return gray;
}
