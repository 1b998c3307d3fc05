import { describe, expect, it } from "vitest";
import { applyAffine, invertAffine } from "./affine";
import { affineFromThreePoints, alignmentMatrix } from "./align-face";
import type { Affine, FivePoints, Point } from "./types";

const close = (a: number[], b: number[], digits = 6) => a.forEach((v, i) => expect(v).toBeCloseTo(b[i], digits));
const mesh = new Float32Array(468 * 3);
// a face turned 15 degrees, 2.5x the template, somewhere in a photo
const world: Affine = [2.5 * Math.cos(0.26), -2.5 * Math.sin(0.26), 300, 2.5 * Math.sin(0.26), 2.5 * Math.cos(0.26), 180];
const fivePoints = (template: Point[]): FivePoints => {
  const [leftEye, rightEye, nose, mouthLeft, mouthRight] = template.map((p) => applyAffine(world, p));
  return { leftEye, rightEye, nose, mouthLeft, mouthRight };
};

describe("recogniser chip templates", () => {
  it("solves the affine map through three point pairs exactly", () => {
    const from: Point[] = [[10, 20], [50, 22], [31, 70]];
    const to: Point[] = [[26.5, 35.6], [85.5, 35.6], [56, 86.5]];
    const m = affineFromThreePoints(from, to);
    from.forEach((p, k) => close(applyAffine(m, p), to[k], 9));
    expect(() => affineFromThreePoints([[0, 0], [1, 1], [2, 2]], to)).toThrow(/collinear/);
  });

  it("openvino-reid puts the five points on Open Model Zoo's reference landmarks of a 128 px chip", () => {
    // the accuracy checker's and the demo's values (the model card rounds the eyes and mouth to one height)
    const reference: Point[] = [[30.2946, 51.6963], [65.5318, 51.5014], [48.0252, 71.7366], [33.5493, 92.3655], [62.7299, 92.2041]].map(([x, y]) => [(x / 96) * 128, (y / 112) * 128]);
    const chipToImage = alignmentMatrix({ mesh, landmarks: fivePoints(reference), alignment: "openvino-reid", size: 128 });
    close(chipToImage, world, 4);
  });

  it("mobileface-align puts both eye centres and the mouth centre on MobileFace_Align's template", () => {
    const size = 112;
    const template: Point[] = [[0.236842, 0.318182], [0.763158, 0.318182], [0.45, 0.640], [0.40, 0.772727], [0.60, 0.772727]].map(([x, y]) => [x * size + 0.5, y * size + 0.5]);
    const imageToChip = invertAffine(alignmentMatrix({ mesh, landmarks: fivePoints(template), alignment: "mobileface-align", size }));
    const l = fivePoints(template);
    close(applyAffine(imageToChip, l.leftEye), template[0], 4);
    close(applyAffine(imageToChip, l.rightEye), template[1], 4);
    close(applyAffine(imageToChip, [(l.mouthLeft[0] + l.mouthRight[0]) / 2, (l.mouthLeft[1] + l.mouthRight[1]) / 2]), [0.5 * size + 0.5, 0.772727 * size + 0.5], 4);
  });
});
