import { describe, expect, it } from "vitest";
import { decodeBlazeface, suppressOverlaps } from "./blazeface-decode";
import { createGate } from "./concurrency-gate";
import { rotateImage } from "./rotate-image";
import type { Affine } from "./types";
import { squareCropMatrix, warpToTensor } from "./warp-to-tensor";

const image = (w: number, h: number) => ({ width: w, height: h, data: Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 7) % 256) });
const px = (img: { data: Uint8Array; width: number }, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));

// The sampling warpToTensor implements, written tap by tap: k x k sub-samples per output pixel,
// bilinear, black outside, NHWC.
function referenceWarp(o: { image: { data: Uint8Array; width: number; height: number }; dstToSrc: Affine; width: number; height: number; mean: readonly number[]; scale: readonly number[]; maxSamples: number }): number[] {
  const { image: img, dstToSrc: m } = o;
  const k = Math.max(1, Math.min(o.maxSamples, Math.round(Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3])))));
  const at = (x: number, y: number, c: number) => (x < 0 || y < 0 || x >= img.width || y >= img.height ? 0 : img.data[(y * img.width + x) * 3 + c]);
  const out: number[] = [];
  for (let y = 0; y < o.height; y++)
    for (let x = 0; x < o.width; x++)
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        for (let sy = 0; sy < k; sy++)
          for (let sx = 0; sx < k; sx++) {
            const dx = x + (sx + 0.5) / k, dy = y + (sy + 0.5) / k;
            const px = m[0] * dx + m[1] * dy + m[2] - 0.5, py = m[3] * dx + m[4] * dy + m[5] - 0.5;
            const x0 = Math.floor(px), y0 = Math.floor(py), fx = px - x0, fy = py - y0;
            sum += (1 - fx) * (1 - fy) * at(x0, y0, c) + fx * (1 - fy) * at(x0 + 1, y0, c) + (1 - fx) * fy * at(x0, y0 + 1, c) + fx * fy * at(x0 + 1, y0 + 1, c);
          }
        out.push((sum / (k * k) - o.mean[c]) * o.scale[c]);
      }
  return out;
}

describe("rotateImage", () => {
  it("turns clockwise and back", () => {
    const img = image(5, 3);
    const r90 = rotateImage(img, 90);
    expect([r90.width, r90.height]).toEqual([3, 5]);
    // the top-left pixel moves to the top-right corner
    expect(px(r90, 2, 0)).toEqual(px(img, 0, 0));
    const back = rotateImage(rotateImage(r90, 180), 90);
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
  });
});

describe("warpToTensor", () => {
  it("identity warp reproduces pixels, normalised, in both layouts", () => {
    const img = image(4, 4);
    const nhwc = warpToTensor({ image: img, dstToSrc: [1, 0, 0, 0, 1, 0], width: 4, height: 4, layout: "nhwc", mean: [0, 0, 0], scale: [1, 1, 1] });
    expect(Array.from(nhwc).map(Math.round)).toEqual(Array.from(img.data));
    const nchw = warpToTensor({ image: img, dstToSrc: [1, 0, 0, 0, 1, 0], width: 4, height: 4, layout: "nchw", mean: [10, 10, 10], scale: [0.5, 0.5, 0.5] });
    expect(nchw[16 + 5]).toBeCloseTo((img.data[5 * 3 + 1] - 10) * 0.5, 4);
  });

  it("writes BGR with mean and scale in output order, in both layouts and on every sampling path", () => {
    const img = image(12, 12);
    // axis-aligned, rotated inside the image, rotated past an edge
    const maps: Affine[] = [[0.8, 0, 1.5, 0, 0.8, 2], squareCropMatrix({ cx: 6, cy: 6, size: 6, angle: 0.3, out: 5 }), squareCropMatrix({ cx: 1, cy: 2, size: 8, angle: 0.5, out: 5 })];
    const mean = [1, 2, 3] as const, scale = [0.5, 0.25, 2] as const;
    for (const dstToSrc of maps) {
      const opts = { image: img, dstToSrc, width: 5, height: 5, maxSamples: 2 };
      const rgb = warpToTensor({ ...opts, layout: "nhwc", mean: [0, 0, 0], scale: [1, 1, 1] });
      const nhwc = warpToTensor({ ...opts, layout: "nhwc", channels: "bgr", mean, scale });
      const nchw = warpToTensor({ ...opts, layout: "nchw", channels: "bgr", mean, scale, out: new Float32Array(80).fill(-1), offset: 5 });
      expect(Array.from(nchw.subarray(0, 5))).toEqual([-1, -1, -1, -1, -1]);
      for (let p = 0; p < 25; p++)
        for (let c = 0; c < 3; c++) {
          const expected = (rgb[p * 3 + (2 - c)] - mean[c]) * scale[c];
          expect(nhwc[p * 3 + c]).toBeCloseTo(expected, 4);
          expect(nchw[5 + c * 25 + p]).toBeCloseTo(expected, 4);
        }
    }
  });

  it("reads black outside the image", () => {
    const img = { width: 2, height: 2, data: new Uint8Array(12).fill(200) };
    const out = warpToTensor({ image: img, dstToSrc: [1, 0, 10, 0, 1, 10], width: 2, height: 2, layout: "nhwc", mean: [0, 0, 0], scale: [1, 1, 1] });
    expect(Math.max(...out)).toBe(0);
  });

  it("matches a plain per-tap reference inside, across and outside the image edges", () => {
    const img = image(37, 23);
    const cases: [number, number, number, number][] = [
      // scale, angle, x offset, y offset
      [0.7, 0.3, 3, 2], [2, 0.05, 5, 3], [2.6, -0.05, 4, 2], [2.2, -0.5, 8, 4], [3.1, 0.1, 2, 1], [1, 0, -5, -3], [2.5, 1.2, 30, 20], [1.5, 0, 40, 0],
    ];
    for (const [s, a, tx, ty] of cases) {
      const m: Affine = [s * Math.cos(a), -s * Math.sin(a), tx, s * Math.sin(a), s * Math.cos(a), ty];
      for (const maxSamples of [1, 2, 3]) {
        const opts = { image: img, dstToSrc: m, width: 9, height: 7, mean: [5, 6, 7] as const, scale: [0.5, 0.25, 2] as const, maxSamples };
        const expected = referenceWarp(opts);
        const nhwc = warpToTensor({ ...opts, layout: "nhwc" });
        const nchw = warpToTensor({ ...opts, layout: "nchw" });
        for (let p = 0; p < 63; p++)
          for (let c = 0; c < 3; c++) {
            expect(nhwc[p * 3 + c]).toBeCloseTo(expected[p * 3 + c], 3);
            expect(nchw[c * 63 + p]).toBeCloseTo(expected[p * 3 + c], 3);
          }
      }
    }
  });

  it("matches the reference where a rotated window runs past the edges for part of each row", () => {
    // rows with an inside span and clamped ends (sampleAffine), and an unrotated letterbox (separable)
    const img = image(61, 47);
    const cases: Affine[] = [squareCropMatrix({ cx: 5, cy: 20, size: 50, angle: 0.2, out: 24 }), squareCropMatrix({ cx: 55, cy: 40, size: 70, angle: -2.5, out: 24 }), squareCropMatrix({ cx: 30, cy: 23, size: 61, angle: 0, out: 24 })];
    for (const m of cases)
      for (const maxSamples of [1, 2, 3]) {
        const opts = { image: img, dstToSrc: m, width: 24, height: 24, mean: [5, 6, 7] as const, scale: [0.5, 0.25, 2] as const, maxSamples };
        const expected = referenceWarp(opts);
        const out = warpToTensor({ ...opts, layout: "nhwc" });
        for (let i = 0; i < expected.length; i++) expect(out[i]).toBeCloseTo(expected[i], 3);
      }
  });

  it("square crop matrix centres the crop", () => {
    const m = squareCropMatrix({ cx: 50, cy: 40, size: 20, angle: 0, out: 10 });
    expect([m[0] * 5 + m[2], m[4] * 5 + m[5]]).toEqual([50, 40]);
  });
});

describe("blazeface decoding", () => {
  it("decodes anchors above the score and suppresses overlaps", () => {
    const scores = new Float32Array(512).fill(-10);
    const boxes = new Float32Array(512 * 16);
    scores[0] = 5; // anchor (8, 8)
    scores[1] = 3; // same anchor, second box
    boxes.set([1, 2, 30, 30], 0);
    boxes.set([1, 2, 28, 28], 16);
    const found = decodeBlazeface([{ scores, boxes }, { scores: new Float32Array(384).fill(-10), boxes: new Float32Array(384 * 16) }], 0.5);
    expect(found).toHaveLength(2);
    expect(found[0].cx).toBe(9);
    expect(found[0].cy).toBe(10);
    expect(suppressOverlaps(found, 0.3)).toHaveLength(1);
  });
});

describe("concurrency gate", () => {
  it("never runs more than its limit at once", async () => {
    const gate = createGate(2);
    let running = 0, peak = 0;
    await Promise.all(Array.from({ length: 6 }, () => gate.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
    })));
    expect(peak).toBe(2);
  });
});
