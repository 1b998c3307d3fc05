import { describe, expect, it } from "vitest";
import { decodeBlazeface, suppressOverlaps } from "./blazeface-decode";
import { createGate } from "./concurrency-gate";
import { rotateImage } from "./rotate-image";
import { squareCropMatrix, warpToTensor } from "./warp-to-tensor";

const image = (w: number, h: number) => ({ width: w, height: h, data: Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 7) % 256) });
const px = (img: { data: Uint8Array; width: number }, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 3, (y * img.width + x) * 3 + 3));

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

  it("reads black outside the image", () => {
    const img = { width: 2, height: 2, data: new Uint8Array(12).fill(200) };
    const out = warpToTensor({ image: img, dstToSrc: [1, 0, 10, 0, 1, 10], width: 2, height: 2, layout: "nhwc", mean: [0, 0, 0], scale: [1, 1, 1] });
    expect(Math.max(...out)).toBe(0);
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
