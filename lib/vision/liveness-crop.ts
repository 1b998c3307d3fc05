import type { Affine, Box } from "./types";

/** A patch of the image, inclusive integer pixel corners (as upstream slices [top..bottom, left..right]). */
export type CropBox = { left: number; top: number; right: number; bottom: number; scale: number };

// MiniFASNet was trained on patches around the box of a RetinaFace-style detector; ours is the
// extent of the 468 FaceMesh points (brow-top to chin, cheek to cheek). On the six upstream sample
// images with the box upstream drew, its box is 1.10-1.20x as wide as ours, 0.93-1.02x as tall and
// centred 4-5% of our height lower: the medians below (models/cards/minifasnet.md).
const WIDTH = 1.12;
const HEIGHT = 0.96;
const DOWN = 0.045;
// The models' output swings with a few percent of box (a bona fide sample scored 0.16 to 0.78
// over that spread), so the score averages the centre box and four boxes at the corners of the
// measured spread: size -5%/+5% (width +-0.06, height +-0.04) by offset -/+2.25% of our height.
const JITTER: [number, number][] = [[0, 0], [-1, -1], [1, -1], [-1, 1], [1, 1]];

function mapBox(box: Box, widthScale: number, heightScale: number, down: number): Box {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height * (0.5 + down);
  const width = box.width * widthScale, height = box.height * heightScale;
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

/** Our FaceMesh box mapped onto the box upstream's detector would draw around the same face. */
export function upstreamFaceBox(box: Box): Box {
  return mapBox(box, WIDTH, HEIGHT, DOWN);
}

/** upstreamFaceBox first, then the four boxes at the corners of its measured spread. */
export function upstreamFaceBoxes(box: Box): Box[] {
  return JITTER.map(([size, offset]) => mapBox(box, WIDTH + size * 0.06, HEIGHT + size * 0.04, DOWN + offset * 0.0225));
}

/**
 * Upstream's patch for one model: the box scaled about its centre by `scale`, the scale capped so
 * the patch fits in the image, the patch shifted back inside the image, corners truncated to
 * integers. `scale` in the result is the one used (smaller than asked when the face fills the frame).
 */
export function scaledCropBox({ box, scale, width, height }: { box: Box; scale: number; width: number; height: number }): CropBox {
  const used = Math.max(0, Math.min((height - 1) / Math.max(box.height, 1e-6), (width - 1) / Math.max(box.width, 1e-6), scale));
  const w = box.width * used, h = box.height * used;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  let left = cx - w / 2, top = cy - h / 2, right = cx + w / 2, bottom = cy + h / 2;
  if (left < 0) [right, left] = [right - left, 0];
  if (top < 0) [bottom, top] = [bottom - top, 0];
  if (right > width - 1) [left, right] = [left - (right - width + 1), width - 1];
  if (bottom > height - 1) [top, bottom] = [top - (bottom - height + 1), height - 1];
  return { left: Math.trunc(left), top: Math.trunc(top), right: Math.trunc(right), bottom: Math.trunc(bottom), scale: used };
}

/** Destination -> source map resizing the patch to out x out like a plain bilinear resize of the cut-out. */
export function cropMatrix(crop: CropBox, out: number): Affine {
  const sx = (crop.right - crop.left + 1) / out, sy = (crop.bottom - crop.top + 1) / out;
  return [sx, 0, crop.left, 0, sy, crop.top];
}
