import type { DecodedImage, Rotation } from "./types";

const TILE = 32;

/** Rotates an RGB image clockwise by a multiple of 90 degrees (a copy; the input is not touched). */
export function rotateImage(image: DecodedImage, rotation: Rotation): DecodedImage {
  if (rotation === 0) return image;
  const { width: w, height: h, data } = image;
  const swap = rotation !== 180;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new Uint8Array(data.length);
  // Destination of source pixel (x, y) after a clockwise turn: a start index per source row plus a
  // step per column. A quarter turn writes down columns, so the image is walked in small tiles to
  // keep those writes in cache (this runs over every pixel of a photo).
  const step = rotation === 90 ? W * 3 : rotation === 180 ? -3 : -W * 3;
  const start = (y: number) => (rotation === 90 ? (h - 1 - y) * 3 : rotation === 180 ? ((h - 1 - y) * W + w - 1) * 3 : ((w - 1) * W + y) * 3);
  for (let ty = 0; ty < h; ty += TILE)
    for (let tx = 0; tx < w; tx += TILE)
      for (let y = ty, yEnd = Math.min(h, ty + TILE); y < yEnd; y++) {
        const xEnd = Math.min(w, tx + TILE);
        for (let x = tx, s = (y * w + tx) * 3, d = start(y) + tx * step; x < xEnd; x++, s += 3, d += step) {
          out[d] = data[s];
          out[d + 1] = data[s + 1];
          out[d + 2] = data[s + 2];
        }
      }
  return { data: out, width: W, height: H };
}
