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
export function warpToTensor(o: WarpOptions): Float32Array {
  const { image, dstToSrc: m, width, height } = o;
  const out = o.out ?? new Float32Array(width * height * 3);
  const base = o.offset ?? 0;
  const { data, width: sw, height: sh } = image;
  const k = Math.max(1, Math.min(o.maxSamples ?? 3, Math.round(affineScale(m))));
  const inv = 1 / (k * k);
  const plane = width * height;
  const nhwc = o.layout === "nhwc";
  const [m0, m1, m2, m3, m4, m5] = m;
  const [mr, mg, mb] = o.mean;
  const [sr, sg, sb] = o.scale;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r = 0, g = 0, b = 0;
      for (let sy = 0; sy < k; sy++) {
        const dy = y + (sy + 0.5) / k;
        for (let sx = 0; sx < k; sx++) {
          const dx = x + (sx + 0.5) / k;
          // continuous source position -> index space, where pixel i's centre sits at i
          const px = m0 * dx + m1 * dy + m2 - 0.5;
          const py = m3 * dx + m4 * dy + m5 - 0.5;
          const x0 = Math.floor(px), y0 = Math.floor(py);
          const fx = px - x0, fy = py - y0;
          if (x0 >= 0 && y0 >= 0 && x0 + 1 < sw && y0 + 1 < sh) {
            const i00 = (y0 * sw + x0) * 3, i10 = i00 + 3, i01 = i00 + sw * 3, i11 = i01 + 3;
            const w00 = (1 - fx) * (1 - fy), w10 = fx * (1 - fy), w01 = (1 - fx) * fy, w11 = fx * fy;
            r += w00 * data[i00] + w10 * data[i10] + w01 * data[i01] + w11 * data[i11];
            g += w00 * data[i00 + 1] + w10 * data[i10 + 1] + w01 * data[i01 + 1] + w11 * data[i11 + 1];
            b += w00 * data[i00 + 2] + w10 * data[i10 + 2] + w01 * data[i01 + 2] + w11 * data[i11 + 2];
            continue;
          }
          for (let t = 0; t < 4; t++) {
            const xx = x0 + (t & 1), yy = y0 + (t >> 1);
            if (xx < 0 || yy < 0 || xx >= sw || yy >= sh) continue;
            const w = (t & 1 ? fx : 1 - fx) * (t >> 1 ? fy : 1 - fy);
            const i = (yy * sw + xx) * 3;
            r += w * data[i];
            g += w * data[i + 1];
            b += w * data[i + 2];
          }
        }
      }
      const p = y * width + x;
      if (nhwc) {
        const q = base + p * 3;
        out[q] = (r * inv - mr) * sr;
        out[q + 1] = (g * inv - mg) * sg;
        out[q + 2] = (b * inv - mb) * sb;
      } else {
        out[base + p] = (r * inv - mr) * sr;
        out[base + plane + p] = (g * inv - mg) * sg;
        out[base + 2 * plane + p] = (b * inv - mb) * sb;
      }
    }
  }
  return out;
}

/** Maps an out x out destination onto a source square centred at (cx, cy), turned by angle (radians). */
export function squareCropMatrix({ cx, cy, size, angle, out }: { cx: number; cy: number; size: number; angle: number; out: number }): Affine {
  const s = size / out;
  const cos = Math.cos(angle) * s, sin = Math.sin(angle) * s;
  const h = out / 2;
  return [cos, -sin, cx - cos * h + sin * h, sin, cos, cy - sin * h - cos * h];
}
