import { describe, expect, it } from "vitest";
import { livenessLimitation, livenessScore, PASS_PROBABILITY } from "./liveness-score";

describe("livenessScore", () => {
  it("puts the pass mark 50 at PASS_PROBABILITY and spans 0-100", () => {
    expect(livenessScore(0)).toBe(0);
    expect(livenessScore(PASS_PROBABILITY)).toBe(50);
    expect(livenessScore(1)).toBe(100);
    expect(livenessScore(Number.NaN)).toBe(0);
  });

  it("never reaches 50 below the pass mark and is monotone", () => {
    expect(livenessScore(PASS_PROBABILITY - 1e-9)).toBe(49);
    let last = -1;
    for (let p = 0; p <= 1.0001; p += 0.001) {
      const s = livenessScore(Math.min(1, p));
      expect(s).toBeGreaterThanOrEqual(last);
      expect(s >= 50).toBe(Math.min(1, p) >= PASS_PROBABILITY);
      last = s;
    }
  });
});

describe("livenessLimitation", () => {
  const image = (width: number, height: number, colour: boolean) => ({ width, height, data: Uint8Array.from({ length: width * height * 3 }, (_, i) => (colour ? (i % 3) * 40 + 60 : 120)) });
  const face = { x: 40, y: 40, width: 40, height: 40 };
  const patch = (size: number, scale: number) => ({ left: 0, top: 0, right: size - 1, bottom: size - 1, scale });

  it("flags a grayscale image first", () => {
    expect(livenessLimitation({ image: image(200, 200, false), face, patch: patch(100, 2.5) })).toBe("grayscale");
  });

  it("flags a face that leaves no room around it, then a patch smaller than the model's input", () => {
    expect(livenessLimitation({ image: image(200, 200, true), face, patch: patch(120, 1.1) })).toBe("face_fills_image");
    expect(livenessLimitation({ image: image(200, 200, true), face, patch: patch(70, 2.7) })).toBe("low_resolution");
    expect(livenessLimitation({ image: image(200, 200, true), face, patch: patch(108, 2.7) })).toBeUndefined();
  });
});
