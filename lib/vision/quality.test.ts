import { describe, expect, it } from "vitest";
import { chipToGray, laplacianVariance, luminanceScore, meanLuminance, overallQuality, poseScore, qualityWarnings, sharpnessScore, sizeScore } from "./quality";
import { getScoreCalibration, scoreFromCosine } from "./score-calibration";

describe("quality functions", () => {
  it("size grows with inter-ocular distance", () => {
    expect(sizeScore(10)).toBe(0);
    expect(sizeScore(37.5)).toBe(50);
    expect(sizeScore(200)).toBe(100);
  });

  it("a sharp checkerboard beats its blurred copy", () => {
    const n = 64;
    const sharp = Float32Array.from({ length: n * n }, (_, i) => (((i % n) >> 2) + ((i / n) >> 2)) % 2 ? 220 : 30);
    const blurred = sharp.map((_, i) => {
      const x = i % n, y = (i / n) | 0;
      let s = 0, c = 0;
      for (let dy = -3; dy <= 3; dy++) for (let dx = -3; dx <= 3; dx++) {
        const xx = Math.min(n - 1, Math.max(0, x + dx)), yy = Math.min(n - 1, Math.max(0, y + dy));
        s += sharp[yy * n + xx]; c++;
      }
      return s / c;
    });
    const flat = new Float32Array(n * n).fill(128);
    expect(sharpnessScore(laplacianVariance(sharp, n, n))).toBe(100);
    expect(sharpnessScore(laplacianVariance(blurred, n, n))).toBeLessThan(sharpnessScore(laplacianVariance(sharp, n, n)));
    expect(sharpnessScore(laplacianVariance(flat, n, n))).toBe(0);
  });

  it("luminance flags dark and bright faces", () => {
    const dark = new Float32Array(100).fill(20), bright = new Float32Array(100).fill(240), mid = new Float32Array(100).fill(130);
    expect(luminanceScore(meanLuminance(dark, 10, 10))).toBe(0);
    expect(luminanceScore(meanLuminance(bright, 10, 10))).toBe(0);
    expect(luminanceScore(meanLuminance(mid, 10, 10))).toBe(100);
    const q = { size: 100, sharpness: 100, luminance: 0, pose: 100, overall: overallQuality({ size: 100, sharpness: 100, luminance: 0, pose: 100 }) };
    expect(qualityWarnings(q, 20)).toEqual(["LOW_FACE_QUALITY", "LOW_FACE_LUMINANCE"]);
    expect(qualityWarnings({ ...q, luminance: 100, overall: 100 }, 240)).toEqual(["HIGH_FACE_LUMINANCE"]);
  });

  it("pose is full marks near frontal and zero at 45 degrees", () => {
    expect(poseScore({ yaw: 5, pitch: -8 })).toBe(100);
    expect(poseScore({ yaw: 50, pitch: 0 })).toBe(0);
    expect(poseScore({ yaw: 0, pitch: 27.5 })).toBe(50);
  });
});

describe("score calibration", () => {
  it("pins 50 and 70 at the fitted cosines and is monotonic", () => {
    const c = getScoreCalibration("dlib-resnet", {} as NodeJS.ProcessEnv);
    expect(scoreFromCosine(c.cos50, c)).toBeCloseTo(50, 1);
    expect(scoreFromCosine(c.cos70, c)).toBeCloseTo(70, 1);
    let last = -1;
    for (let x = -1; x <= 1; x += 0.01) {
      const s = scoreFromCosine(x, c);
      expect(s).toBeGreaterThanOrEqual(last);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(100);
      last = s;
    }
  });

  it("chipToGray undoes the normalisation in both layouts", () => {
    const mean = [122.782, 117.001, 104.298], scale = [1 / 256, 1 / 256, 1 / 256];
    const rgb = [[200, 100, 50], [10, 20, 30], [255, 255, 255], [0, 0, 0]];
    const luma = rgb.map(([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b);
    const nhwc = Float32Array.from(rgb.flatMap((p) => p.map((v, c) => (v - mean[c]) * scale[c])));
    const nchw = Float32Array.from([0, 1, 2].flatMap((c) => rgb.map((p) => (p[c] - mean[c]) * scale[c])));
    for (const [chip, layout] of [[nhwc, "nhwc"], [nchw, "nchw"]] as const) {
      const gray = chipToGray(chip, 2, layout, mean, scale);
      luma.forEach((v, i) => expect(gray[i]).toBeCloseTo(v, 3));
    }
  });
});
