import { affineScale } from "./affine";
import type { Affine, DecodedImage } from "./types";

export type WarpOptions = {
  image: DecodedImage;
  /** maps destination to source coordinates, both continuous (pixel i spans [i, i+1)) */
  dstToSrc: Affine;
  width: number;
  height: number;
  layout: "nhwc" | "nchw";
  /** channel order of the output (the decoded image is RGB); default rgb */
  channels?: "rgb" | "bgr";
  /** out = (value - mean[c]) * scale[c] for output channel c; value in 0-255 */
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
  // Channel c (red, green, blue) of pixel p goes to out[start + p * pixelStride + c * channelStride].
  const plane = width * height;
  const pixelStride = o.layout === "nhwc" ? 3 : 1;
  let channelStride = o.layout === "nhwc" ? 1 : plane;
  let start = base;
  let { mean, scale } = o;
  // The samplers write red, green, blue at start + 0, 1, 2 channel strides: BGR starts at the third
  // channel and steps backwards, with mean and scale turned into the samplers' RGB order.
  if (o.channels === "bgr") {
    start = base + 2 * channelStride;
    channelStride = -channelStride;
    mean = [mean[2], mean[1], mean[0]];
    scale = [scale[2], scale[1], scale[0]];
  }
  // No rotation (the detector's regions): separable, the taps of a row and a column are computed
  // once and reused. A rotated window wholly inside the image needs no bounds tests; one that
  // reaches past an edge is split row by row into an inside span and the ends.
  const sample = m[1] === 0 && m[3] === 0 ? sampleAxisAligned : windowInside(m, width, height, image.width, image.height) ? sampleInside : sampleAffine;
  sample({ image, m, width, height, k, out, base: start, pixelStride, channelStride, mean, scale });
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

// Destination columns [from, to) of row y whose every tap has both bilinear neighbours inside the
// image. The map is affine, so along a row each sub-sample's source x and y are linear in the
// destination x: each bound is one half-line. The span is shrunk by a pixel at each end and its two
// ends are checked directly, so rounding can only hand a border pixel to the careful path.
function insideSpan(j: SampleJob, y: number, ox: Float64Array, oy: Float64Array): [number, number] {
  const { m, width } = j;
  const sw = j.image.width, sh = j.image.height;
  let lo = 0, hi = width;
  const axis = (slope: number, base: number, offsets: Float64Array, limit: number) => {
    let cmin = Infinity, cmax = -Infinity;
    for (let s = 0; s < offsets.length; s++) { cmin = Math.min(cmin, base + offsets[s]); cmax = Math.max(cmax, base + offsets[s]); }
    // need slope * x + cmin >= 0 and slope * x + cmax < limit
    if (slope > 0) { lo = Math.max(lo, Math.ceil(-cmin / slope) + 1); hi = Math.min(hi, Math.floor((limit - cmax) / slope) - 1); }
    else if (slope < 0) { lo = Math.max(lo, Math.ceil((limit - cmax) / slope) + 1); hi = Math.min(hi, Math.floor(-cmin / slope) - 1); }
    else if (!(cmin >= 0 && cmax < limit)) hi = lo;
  };
  axis(m[0], m[1] * y, ox, sw - 1);
  axis(m[3], m[4] * y, oy, sh - 1);
  if (hi <= lo) return [0, 0];
  const inside = (x: number) => {
    for (let s = 0; s < ox.length; s++) {
      const px = m[0] * x + m[1] * y + ox[s], py = m[3] * x + m[4] * y + oy[s];
      if (!(px >= 0 && py >= 0 && px < sw - 1 && py < sh - 1)) return false;
    }
    return true;
  };
  return inside(lo) && inside(hi - 1) ? [lo, hi] : [0, 0];
}

// A rotated window that reaches past an edge (a face near the border, a close-up whose crop or
// chip padding leaves the frame). Sub-sample offsets within a destination pixel are the same for
// every pixel, so they are computed once; each row is split into the span whose taps all lie inside
// the image (no bounds tests, truncation is floor) and the ends, where taps outside count as black
// (as in dlib's extract_image_chip and TF's cropAndResize). Before, every tap of such a window took
// the bounds-tested path.
function sampleAffine(j: SampleJob): void {
  const { data, width: sw } = j.image;
  const { m, width, height, k, out, base, pixelStride, channelStride } = j;
  const inv = 1 / (k * k);
  const [m0, m1, m2, m3, m4, m5] = m;
  const [mr, mg, mb] = j.mean;
  const [sr, sg, sb] = j.scale;
  const row = sw * 3;
  const n = k * k;
  const ox = new Float64Array(n), oy = new Float64Array(n);
  for (let sy = 0, s = 0; sy < k; sy++)
    for (let sx = 0; sx < k; sx++, s++) {
      const dx = (sx + 0.5) / k, dy = (sy + 0.5) / k;
      ox[s] = m0 * dx + m1 * dy + m2 - 0.5;
      oy[s] = m3 * dx + m4 * dy + m5 - 0.5;
    }
  for (let y = 0; y < height; y++) {
    const [from, to] = insideSpan(j, y, ox, oy);
    const by0 = m4 * y, bx0 = m1 * y;
    for (let x = 0; x < from; x++) clampedPixel(j, bx0 + m0 * x, by0 + m3 * x, ox, oy, base + (y * width + x) * pixelStride);
    for (let x = from, bx = bx0 + m0 * from, by = by0 + m3 * from; x < to; x++, bx += m0, by += m3) {
      let r = 0, g = 0, b = 0;
      for (let s = 0; s < n; s++) {
        const px = bx + ox[s], py = by + oy[s];
        // positive inside the span, so truncation is floor
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
      const q = base + (y * width + x) * pixelStride;
      out[q] = (r * inv - mr) * sr;
      out[q + channelStride] = (g * inv - mg) * sg;
      out[q + 2 * channelStride] = (b * inv - mb) * sb;
    }
    for (let x = Math.max(from, to); x < width; x++) clampedPixel(j, bx0 + m0 * x, by0 + m3 * x, ox, oy, base + (y * width + x) * pixelStride);
  }
}

// One destination pixel whose taps may reach past an edge: taps outside count as black.
function clampedPixel(j: SampleJob, bx: number, by: number, ox: Float64Array, oy: Float64Array, q: number): void {
  const { data, width: sw, height: sh } = j.image;
  const row = sw * 3;
  let r = 0, g = 0, b = 0;
  for (let s = 0; s < ox.length; s++) {
    const px = bx + ox[s], py = by + oy[s];
    const x0 = Math.floor(px), y0 = Math.floor(py);
    if (x0 < -1 || y0 < -1 || x0 >= sw || y0 >= sh) continue;
    const fx = px - x0, fy = py - y0;
    const i = (y0 * sw + x0) * 3, l = i + row;
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
  const inv = 1 / ox.length;
  const { out, channelStride } = j;
  out[q] = (r * inv - j.mean[0]) * j.scale[0];
  out[q + channelStride] = (g * inv - j.mean[1]) * j.scale[1];
  out[q + 2 * channelStride] = (b * inv - j.mean[2]) * j.scale[2];
}

// Bilinear taps along one axis for an axis-aligned map: for destination index i and sub-sample s,
// the lower source index (clamped into range; its weight is 0 when it lies outside) and both weights.
// Taps that fall outside the image get weight 0, i.e. read as black, as in sampleClamped.
function axisTaps(scale: number, offset: number, n: number, k: number, size: number) {
  const count = n * k;
  const index = new Int32Array(count), next = new Int32Array(count);
  const w0 = new Float64Array(count), w1 = new Float64Array(count);
  const step = 1 / k;
  for (let i = 0, t = 0; i < n; i++)
    for (let s = 0; s < k; s++, t++) {
      const p = scale * (i + (s + 0.5) * step) + offset - 0.5;
      const i0 = Math.floor(p), f = p - i0;
      const in0 = i0 >= 0 && i0 < size, in1 = i0 + 1 >= 0 && i0 + 1 < size;
      index[t] = in0 ? i0 : 0;
      next[t] = in1 ? i0 + 1 : 0;
      w0[t] = in0 ? 1 - f : 0;
      w1[t] = in1 ? f : 0;
    }
  return { index, next, w0, w1 };
}

// The detector's square regions (whole frame letterboxed, tiles, zoom-out): no rotation, often
// reaching past the edges. Weights per row and column are computed once (sampleClamped recomputed
// them and branched on the borders for every tap: ~3 ms of a 256x256 letterbox per image).
function sampleAxisAligned(j: SampleJob): void {
  const { data, width: sw, height: sh } = j.image;
  const { m, width, height, k, out, base, pixelStride, channelStride } = j;
  const inv = 1 / (k * k);
  const [mr, mg, mb] = j.mean;
  const [sr, sg, sb] = j.scale;
  const cols = axisTaps(m[0], m[2], width, k, sw);
  const rows = axisTaps(m[4], m[5], height, k, sh);
  const cx0 = cols.index, cx1 = cols.next, wx0 = cols.w0, wx1 = cols.w1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < k; sy++) {
        const ty = y * k + sy;
        const wy0 = rows.w0[ty], wy1 = rows.w1[ty];
        if (wy0 === 0 && wy1 === 0) continue;
        const row0 = rows.index[ty] * sw * 3, row1 = rows.next[ty] * sw * 3;
        for (let sx = 0, tx = x * k; sx < k; sx++, tx++) {
          const a = wx0[tx], c = wx1[tx];
          if (a === 0 && c === 0) continue;
          const i0 = row0 + cx0[tx] * 3, i1 = row0 + cx1[tx] * 3, l0 = row1 + cx0[tx] * 3, l1 = row1 + cx1[tx] * 3;
          r += wy0 * (a * data[i0] + c * data[i1]) + wy1 * (a * data[l0] + c * data[l1]);
          g += wy0 * (a * data[i0 + 1] + c * data[i1 + 1]) + wy1 * (a * data[l0 + 1] + c * data[l1 + 1]);
          b += wy0 * (a * data[i0 + 2] + c * data[i1 + 2]) + wy1 * (a * data[l0 + 2] + c * data[l1 + 2]);
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
