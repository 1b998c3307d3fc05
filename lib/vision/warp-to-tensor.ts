import { affineScale } from "./affine";
import type { Affine, DecodedImage } from "./types";

export type WarpOptions = {
  image: DecodedImage;
  /** maps destination to source coordinates, both continuous (pixel i spans [i, i+1)) */
  dstToSrc: Affine;
  width: number;
  height: number;
  layout: "nhwc" | "nchw";
  /** out = (value - mean[c]) * scale[c]; value in 0-255 */
  mean: readonly [number, number, number];
  scale: readonly [number, number, number];
  /** most sub-samples per axis when shrinking (anti-aliasing); 1 = plain bilinear */
  maxSamples?: number;
  /** write into this array at this offset (batching); allocated when absent */
  out?: Float32Array;
  offset?: number;
};

// Samples an affine-warped window of an RGB image into a model input tensor in one pass:
// bilinear taps, averaged over a k x k grid when shrinking (k grows with the scale, at most 3) so
// that a 3 MP photo reduced to a 150 px chip does not alias. Outside the image reads as black,
// as in dlib's extract_image_chip and TF's cropAndResize.
// This runs on the event loop for every crop of every request (a third of a match's main-thread
// time before it was tuned), hence the flat loops: no closures, no per-tap bounds test when the
// whole window lies inside the image, source positions stepped instead of recomputed.
export function warpToTensor(o: WarpOptions): Float32Array {
  const { image, dstToSrc: m, width, height } = o;
  const out = o.out ?? new Float32Array(width * height * 3);
  const base = o.offset ?? 0;
  const k = Math.max(1, Math.min(o.maxSamples ?? 3, Math.round(affineScale(m))));
  // Channel c of pixel p goes to out[base + p * pixelStride + c * channelStride].
  const plane = width * height;
  const pixelStride = o.layout === "nhwc" ? 3 : 1;
  const channelStride = o.layout === "nhwc" ? 1 : plane;
  const inside = windowInside(m, width, height, image.width, image.height);
  const sample = inside ? sampleInside : sampleClamped;
  sample({ image, m, width, height, k, out, base, pixelStride, channelStride, mean: o.mean, scale: o.scale });
  return out;
}

type SampleJob = {
  image: DecodedImage;
  m: Affine;
  width: number;
  height: number;
  k: number;
  out: Float32Array;
  base: number;
  pixelStride: number;
  channelStride: number;
  mean: readonly [number, number, number];
  scale: readonly [number, number, number];
};

// True when every bilinear tap of every sub-sample has both neighbours inside the image. The map
// is affine, so checking the four extreme sample positions covers the whole window.
function windowInside(m: Affine, width: number, height: number, sw: number, sh: number): boolean {
  for (const [dx, dy] of [[0, 0], [width, 0], [0, height], [width, height]]) {
    const px = m[0] * dx + m[1] * dy + m[2] - 0.5;
    const py = m[3] * dx + m[4] * dy + m[5] - 0.5;
    if (!(px >= 0 && py >= 0 && px < sw - 1 && py < sh - 1)) return false;
  }
  return true;
}

function sampleInside(j: SampleJob): void {
  const { data, width: sw } = j.image;
  const { m, width, height, k, out, base, pixelStride, channelStride } = j;
  const inv = 1 / (k * k);
  const [m0, m1, m2, m3, m4, m5] = m;
  const [mr, mg, mb] = j.mean;
  const [sr, sg, sb] = j.scale;
  const row = sw * 3;
  const step = 1 / k;
  // source position steps for one sub-sample and one destination pixel along x
  const subX = m0 * step, subY = m3 * step;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < k; sy++) {
        const dy = y + (sy + 0.5) * step;
        const dx = x + 0.5 * step;
        let px = m0 * dx + m1 * dy + m2 - 0.5;
        let py = m3 * dx + m4 * dy + m5 - 0.5;
        for (let sx = 0; sx < k; sx++, px += subX, py += subY) {
          // positive inside the window, so truncation is floor
          const x0 = px | 0, y0 = py | 0;
          const fx = px - x0, fy = py - y0;
          const i = y0 * row + x0 * 3, l = i + row;
          // bilinear as two horizontal lerps and a vertical one
          const r0 = data[i] + fx * (data[i + 3] - data[i]), r1 = data[l] + fx * (data[l + 3] - data[l]);
          const g0 = data[i + 1] + fx * (data[i + 4] - data[i + 1]), g1 = data[l + 1] + fx * (data[l + 4] - data[l + 1]);
          const b0 = data[i + 2] + fx * (data[i + 5] - data[i + 2]), b1 = data[l + 2] + fx * (data[l + 5] - data[l + 2]);
          r += r0 + fy * (r1 - r0);
          g += g0 + fy * (g1 - g0);
          b += b0 + fy * (b1 - b0);
        }
      }
      const q = base + (y * width + x) * pixelStride;
      out[q] = (r * inv - mr) * sr;
      out[q + channelStride] = (g * inv - mg) * sg;
      out[q + 2 * channelStride] = (b * inv - mb) * sb;
    }
  }
}

// The window reaches past an edge (a face near the border, the detector's letterbox): taps that
// fall outside count as black.
function sampleClamped(j: SampleJob): void {
  const { data, width: sw, height: sh } = j.image;
  const row = sw * 3;
  const { m, width, height, k, out, base, pixelStride, channelStride } = j;
  const inv = 1 / (k * k);
  const [m0, m1, m2, m3, m4, m5] = m;
  const [mr, mg, mb] = j.mean;
  const [sr, sg, sb] = j.scale;
  const step = 1 / k;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < k; sy++) {
        const dy = y + (sy + 0.5) * step;
        let dx = x + 0.5 * step;
        for (let sx = 0; sx < k; sx++, dx += step) {
          const px = m0 * dx + m1 * dy + m2 - 0.5;
          const py = m3 * dx + m4 * dy + m5 - 0.5;
          const x0 = Math.floor(px), y0 = Math.floor(py);
          if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) continue;
          const fx = px - x0, fy = py - y0;
          const i = (y0 * sw + x0) * 3, l = i + row;
          if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
            const r0 = data[i] + fx * (data[i + 3] - data[i]), r1 = data[l] + fx * (data[l + 3] - data[l]);
            const g0 = data[i + 1] + fx * (data[i + 4] - data[i + 1]), g1 = data[l + 1] + fx * (data[l + 4] - data[l + 1]);
            const b0 = data[i + 2] + fx * (data[i + 5] - data[i + 2]), b1 = data[l + 2] + fx * (data[l + 5] - data[l + 2]);
            r += r0 + fy * (r1 - r0);
            g += g0 + fy * (g1 - g0);
            b += b0 + fy * (b1 - b0);
            continue;
          }
          const inX0 = x0 >= 0, inX1 = x0 + 1 < sw, inY0 = y0 >= 0, inY1 = y0 + 1 < sh;
          const w00 = inX0 && inY0 ? (1 - fx) * (1 - fy) : 0;
          const w10 = inX1 && inY0 ? fx * (1 - fy) : 0;
          const w01 = inX0 && inY1 ? (1 - fx) * fy : 0;
          const w11 = inX1 && inY1 ? fx * fy : 0;
          if (w00) { r += w00 * data[i]; g += w00 * data[i + 1]; b += w00 * data[i + 2]; }
          if (w10) { r += w10 * data[i + 3]; g += w10 * data[i + 4]; b += w10 * data[i + 5]; }
          if (w01) { r += w01 * data[l]; g += w01 * data[l + 1]; b += w01 * data[l + 2]; }
          if (w11) { r += w11 * data[l + 3]; g += w11 * data[l + 4]; b += w11 * data[l + 5]; }
        }
      }
      const q = base + (y * width + x) * pixelStride;
      out[q] = (r * inv - mr) * sr;
      out[q + channelStride] = (g * inv - mg) * sg;
      out[q + 2 * channelStride] = (b * inv - mb) * sb;
    }
  }
}

/** Maps an out x out destination onto a source square centred at (cx, cy), turned by angle (radians). */
export function squareCropMatrix({ cx, cy, size, angle, out }: { cx: number; cy: number; size: number; angle: number; out: number }): Affine {
  const s = size / out;
  const cos = Math.cos(angle) * s, sin = Math.sin(angle) * s;
  const h = out / 2;
  return [cos, -sin, cx - cos * h + sin * h, sin, cos, cy - sin * h - cos * h];
}
