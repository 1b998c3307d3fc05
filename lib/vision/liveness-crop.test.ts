import { describe, expect, it } from "vitest";
import { cropMatrix, scaledCropBox, upstreamFaceBox, upstreamFaceBoxes } from "./liveness-crop";
import { warpToTensor } from "./warp-to-tensor";

const box = { x: 100, y: 200, width: 100, height: 120 };

describe("scaledCropBox (upstream's patch)", () => {
  it("scales the box about its centre when the patch fits", () => {
    // centre (150, 260); 2.7x -> 270 x 324
    expect(scaledCropBox({ box, scale: 2.7, width: 1000, height: 1000 })).toEqual({ left: 15, top: 98, right: 285, bottom: 422, scale: 2.7 });
  });

  it("caps the scale at min((H-1)/h, (W-1)/w) and keeps the patch inside the image", () => {
    const crop = scaledCropBox({ box, scale: 4, width: 301, height: 1000 });
    expect(crop.scale).toBeCloseTo(3, 10);
    expect(crop).toMatchObject({ left: 0, right: 300 });
    expect(crop.bottom - crop.top).toBe(360);
  });

  it("shifts a patch that would leave the image back inside, at every edge, keeping its size", () => {
    const near = { x: 5, y: 8, width: 50, height: 50 };
    expect(scaledCropBox({ box: near, scale: 2, width: 400, height: 300 })).toEqual({ left: 0, top: 0, right: 100, bottom: 100, scale: 2 });
    const far = { x: 370, y: 260, width: 20, height: 30 };
    // 2x -> 40 x 60 around (380, 275): right 400 > 399 and bottom 305 > 299 move back by 1 and 6
    expect(scaledCropBox({ box: far, scale: 2, width: 400, height: 300 })).toEqual({ left: 359, top: 239, right: 399, bottom: 299, scale: 2 });
  });

  it("truncates fractional corners as int() does", () => {
    const crop = scaledCropBox({ box: { x: 10.7, y: 20.2, width: 30.3, height: 40.9 }, scale: 1, width: 200, height: 200 });
    expect(crop).toEqual({ left: 10, top: 20, right: 41, bottom: 61, scale: 1 });
  });
});

describe("cropMatrix", () => {
  // cv2.resize(INTER_LINEAR) of the cut-out img[top..bottom, left..right]: source x = (i + 0.5) * w / out - 0.5, clamped
  function cvResize(data: Float64Array, w: number, h: number, out: number): Float64Array {
    const res = new Float64Array(out * out);
    const tap = (i: number, size: number) => {
      const p = Math.max(0, ((i + 0.5) * size) / out - 0.5);
      const i0 = Math.min(Math.floor(p), size - 1);
      return { i0, i1: Math.min(i0 + 1, size - 1), f: i0 === size - 1 ? 0 : p - i0 };
    };
    for (let y = 0; y < out; y++)
      for (let x = 0; x < out; x++) {
        const tx = tap(x, w), ty = tap(y, h);
        const at = (xx: number, yy: number) => data[yy * w + xx];
        const top = at(tx.i0, ty.i0) * (1 - tx.f) + at(tx.i1, ty.i0) * tx.f;
        const bottom = at(tx.i0, ty.i1) * (1 - tx.f) + at(tx.i1, ty.i1) * tx.f;
        res[y * out + x] = top * (1 - ty.f) + bottom * ty.f;
      }
    return res;
  }

  it("samples the patch as a plain bilinear resize of the cut-out", () => {
    const width = 64, height = 48;
    const data = Uint8Array.from({ length: width * height * 3 }, (_, i) => (i * 37 + ((i / 3) | 0) * 11) % 256);
    const image = { data, width, height };
    const crop = { left: 5, top: 3, right: 50, bottom: 44, scale: 1 };
    const out = warpToTensor({ image, dstToSrc: cropMatrix(crop, 16), width: 16, height: 16, layout: "nchw", mean: [0, 0, 0], scale: [1, 1, 1], maxSamples: 1 });
    const cw = crop.right - crop.left + 1, ch = crop.bottom - crop.top + 1;
    const red = new Float64Array(cw * ch);
    for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) red[y * cw + x] = data[((y + crop.top) * width + x + crop.left) * 3];
    const expected = cvResize(red, cw, ch, 16);
    for (let i = 0; i < 256; i++) expect(out[i]).toBeCloseTo(expected[i], 3);
  });
});

describe("upstreamFaceBox", () => {
  it("widens, shortens and lowers our box about its centre", () => {
    const b = upstreamFaceBox(box);
    expect(b.width).toBeCloseTo(112, 6);
    expect(b.height).toBeCloseTo(115.2, 6);
    expect(b.x + b.width / 2).toBeCloseTo(150, 6);
    expect(b.y + b.height / 2).toBeCloseTo(260 + 0.045 * 120, 6);
  });

  it("puts the mapped box first, then four boxes around it", () => {
    const boxes = upstreamFaceBoxes(box);
    expect(boxes).toHaveLength(5);
    expect(boxes[0]).toEqual(upstreamFaceBox(box));
    const centres = boxes.map((b) => b.y + b.height / 2);
    expect(Math.min(...centres.slice(1))).toBeLessThan(centres[0]);
    expect(Math.max(...centres.slice(1))).toBeGreaterThan(centres[0]);
    expect(boxes.slice(1).map((b) => Math.round(b.width))).toEqual([106, 118, 106, 118]);
  });
});
