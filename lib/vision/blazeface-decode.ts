import type { Point } from "./types";

export const BLAZEFACE_SIZE = 256;

export type RawDetection = { score: number; cx: number; cy: number; w: number; h: number; keypoints: Point[] };

// Anchor centres of the long-range BlazeFace: a 16x16 grid with 2 anchors per cell, then an
// 8x8 grid with 6 (same layout as @vladmandic/human's generateAnchors for a 256 input).
function makeAnchors(size: number): Float32Array {
  const anchors: number[] = [];
  for (const [stride, perCell] of [[size / 16, 2], [size / 8, 6]]) {
    const cells = Math.ceil(size / stride);
    for (let y = 0; y < cells; y++)
      for (let x = 0; x < cells; x++) for (let n = 0; n < perCell; n++) anchors.push(stride * (x + 0.5), stride * (y + 0.5));
  }
  return Float32Array.from(anchors);
}
const ANCHORS = makeAnchors(BLAZEFACE_SIZE);

/** Decodes the model's two heads (512 then 384 anchors) above minScore, in input pixels. */
export function decodeBlazeface(heads: { scores: Float32Array; boxes: Float32Array }[], minScore: number): RawDetection[] {
  const out: RawDetection[] = [];
  let anchor = 0;
  for (const { scores, boxes } of heads) {
    for (let i = 0; i < scores.length; i++, anchor++) {
      const logit = Math.max(-80, Math.min(80, scores[i]));
      const score = 1 / (1 + Math.exp(-logit));
      if (score < minScore) continue;
      const ax = ANCHORS[anchor * 2], ay = ANCHORS[anchor * 2 + 1];
      const r = boxes.subarray(i * 16, i * 16 + 16);
      const keypoints: Point[] = [];
      for (let k = 0; k < 6; k++) keypoints.push([ax + r[4 + 2 * k], ay + r[5 + 2 * k]]);
      out.push({ score, cx: ax + r[0], cy: ay + r[1], w: r[2], h: r[3], keypoints });
    }
  }
  return out;
}

export function iou(a: RawDetection, b: RawDetection): number {
  const ix = Math.max(0, Math.min(a.cx + a.w / 2, b.cx + b.w / 2) - Math.max(a.cx - a.w / 2, b.cx - b.w / 2));
  const iy = Math.max(0, Math.min(a.cy + a.h / 2, b.cy + b.h / 2) - Math.max(a.cy - a.h / 2, b.cy - b.h / 2));
  const inter = ix * iy;
  return inter / (a.w * a.h + b.w * b.h - inter || 1);
}

/** Greedy non-maximum suppression, best score first. */
export function suppressOverlaps<T extends RawDetection>(detections: T[], threshold: number): T[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: T[] = [];
  for (const d of sorted) if (kept.every((k) => iou(k, d) < threshold)) kept.push(d);
  return kept;
}
