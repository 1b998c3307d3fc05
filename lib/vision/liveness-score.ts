import type { CropBox } from "./liveness-crop";
import type { Box, DecodedImage } from "./types";

/** Why an image cannot show liveness, whatever the models say. */
export type LivenessLimitation = "grayscale" | "face_fills_image" | "low_resolution";

// The ensemble's live probability that scores 50, the default pass mark. Measured (npm run
// bench:liveness, models/cards/minifasnet.md): the five attack samples reach at most ~0.20, the four
// bona fide samples at least ~0.40, 3 of 83 colour photos fall below 0.3.
export const PASS_PROBABILITY = 0.3;

/** Live probability -> 0-100, piecewise linear: 0 -> 0, PASS_PROBABILITY -> 50, 1 -> 100; p below the pass mark never rounds up to 50. */
export function livenessScore(p: number): number {
  if (!(p > 0)) return 0;
  if (p < PASS_PROBABILITY) return Math.min(49, Math.floor((50 * p) / PASS_PROBABILITY));
  return Math.min(100, 50 + Math.round((50 * (p - PASS_PROBABILITY)) / (1 - PASS_PROBABILITY)));
}

// A grey image (no colour at all) is outside what the models were trained on: a print or a
// grayscale chip, never a camera frame. Mean |r-g| + |g-b| over the face; colour photos measure >= 36.
const GRAY_CHROMA = 4;
// The patch the models read should hold the head and some surroundings (2.7x the face box); below
// 1.2x the face fills the image and there is nothing around it to judge.
const MIN_CONTEXT = 1.2;

function meanChroma(image: DecodedImage, box: Box): number {
  const { data, width, height } = image;
  const x0 = Math.max(0, Math.floor(box.x)), x1 = Math.min(width, Math.ceil(box.x + box.width));
  const y0 = Math.max(0, Math.floor(box.y)), y1 = Math.min(height, Math.ceil(box.y + box.height));
  let sum = 0, n = 0;
  for (let y = y0; y < y1; y += 2)
    for (let x = x0; x < x1; x += 2) {
      const i = (y * width + x) * 3;
      sum += Math.abs(data[i] - data[i + 1]) + Math.abs(data[i + 1] - data[i + 2]);
      n++;
    }
  return n ? sum / n : 0;
}

/** What keeps this image from showing liveness: no colour, no context around the face, fewer pixels than the model reads. */
export function livenessLimitation({ image, face, patch }: { image: DecodedImage; face: Box; patch: CropBox }): LivenessLimitation | undefined {
  if (meanChroma(image, face) < GRAY_CHROMA) return "grayscale";
  if (patch.scale < MIN_CONTEXT) return "face_fills_image";
  if (patch.right - patch.left + 1 < 80 || patch.bottom - patch.top + 1 < 80) return "low_resolution";
  return undefined;
}
