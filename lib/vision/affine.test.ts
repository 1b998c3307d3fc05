import { describe, expect, it } from "vitest";
import { applyAffine, estimateSimilarity, invertAffine } from "./affine";
import { alignmentMatrix, dlibCorrespondences } from "./align-face";
import type { Affine, Point } from "./types";

const close = (a: number[], b: number[], eps = 1e-6) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], -Math.log10(eps)));

describe("affine maths", () => {
  it("recovers a known similarity transform from noiseless points", () => {
    const angle = 0.3, s = 1.7;
    const truth: Affine = [s * Math.cos(angle), -s * Math.sin(angle), 12, s * Math.sin(angle), s * Math.cos(angle), -5];
    const from: Point[] = [[0, 0], [10, 3], [4, 9], [-3, 7], [8, -6]];
    const m = estimateSimilarity(from, from.map((p) => applyAffine(truth, p)));
    close(m, truth);
  });

  it("inverts", () => {
    const m: Affine = [1.2, -0.4, 7, 0.4, 1.2, -3];
    const p: Point = [5, 11];
    close(applyAffine(invertAffine(m), applyAffine(m, p)), p);
  });

  it("maps a mesh placed exactly on dlib's template onto the chip's template points", () => {
    // Build a fake mesh whose dlib points sit on the template, scaled x3, turned 20 degrees, moved.
    const world: Affine = [3 * Math.cos(0.35), -3 * Math.sin(0.35), 400, 3 * Math.sin(0.35), 3 * Math.cos(0.35), 250];
    const mesh = new Float32Array(468 * 3);
    const { to } = dlibCorrespondences(new Float32Array(468 * 3), { size: 150, padding: 0.25, points: "dlib68" });
    const probe = dlibCorrespondences(Float32Array.from({ length: 468 * 3 }, (_, i) => i), { size: 150, padding: 0.25, points: "dlib68" });
    probe.from.forEach(([x], k) => {
      const index = x / 3; // probe mesh stores i at slot i, so x = 3 * pointIndex
      const [wx, wy] = applyAffine(world, to[k]);
      mesh[index * 3] = wx;
      mesh[index * 3 + 1] = wy;
    });
    const chipToImage = alignmentMatrix({ mesh, landmarks: { leftEye: [0, 0], rightEye: [1, 0], nose: [0, 1], mouthLeft: [0, 2], mouthRight: [1, 2] }, alignment: "dlib68", size: 150 });
    close(chipToImage, world, 1e-4);
    // The outer eye corners land where dlib puts them: 150 * (0.25 + x) / 1.5 (+0.5 pixel centre)
    const corner = applyAffine(invertAffine(chipToImage), [mesh[263 * 3], mesh[263 * 3 + 1]]);
    close(corner, [(150 * (0.25 + 0.858516)) / 1.5 + 0.5, (150 * (0.25 + 0.216423)) / 1.5 + 0.5], 1e-3);
  });
});
