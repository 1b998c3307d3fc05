import type { DecodedImage, Rotation } from "./types";

/** Rotates an RGB image clockwise by a multiple of 90 degrees (a copy; the input is not touched). */
export function rotateImage(image: DecodedImage, rotation: Rotation): DecodedImage {
  if (rotation === 0) return image;
  const { width: w, height: h, data } = image;
  const swap = rotation !== 180;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // destination of source pixel (x, y) after a clockwise turn
      const [nx, ny] = rotation === 90 ? [h - 1 - y, x] : rotation === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x];
      const s = (y * w + x) * 3;
      const d = (ny * W + nx) * 3;
      out[d] = data[s];
      out[d + 1] = data[s + 1];
      out[d + 2] = data[s + 2];
    }
  }
  return { data: out, width: W, height: H };
}
