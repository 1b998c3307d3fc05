import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { prepareModels } from "@/models/scripts/prepare";
import { explainFace, loadVisionModels, rotateImage } from ".";
import { analyzeImageBytesHere } from "./analyze-image-bytes";
import { unrotatePoint } from "./explain-face";
import { datasetsForSuite, facesDatasetDir } from "./datasets";
import { decodeForTest } from "./test-images";

const faces = facesDatasetDir();
const hasFaces = datasetsForSuite("face explanation", [faces]);

beforeAll(async () => {
  prepareModels({ log: () => {} });
  await loadVisionModels();
});

const inside = ([x, y]: [number, number], b: { x: number; y: number; width: number; height: number }) => x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;

// What a reviewer's overlay draws, from the real models on a dataset photo.
describe.skipIf(!hasFaces)("explainFace", () => {
  it("gives the face box, five alignment points inside it and the crops the models used", async () => {
    const image = await decodeForTest(join(faces, "images/deepface-01/1.jpg"));
    const e = await explainFace(image);
    expect(e.rotation).toBe(0);
    expect(e.faces).toHaveLength(1);
    const [face] = e.faces;
    for (const p of Object.values(face.landmarks)) expect(inside(p, face.box)).toBe(true);
    expect(face.landmarks.leftEye[0]).toBeLessThan(face.landmarks.rightEye[0]);
    expect(face.landmarks.nose[1]).toBeGreaterThan(face.landmarks.leftEye[1]);
    expect(face.landmarks.mouthLeft[1]).toBeGreaterThan(face.landmarks.nose[1]);
    const [chip, patch] = e.crops;
    expect(chip.rgb.length).toBe(chip.width * chip.height * 3);
    expect(patch.rgb.length).toBe(80 * 80 * 3);
    // the aligned chip's corners enclose the eyes; the liveness patch is larger than the face box
    const xs = chip.corners.map((c) => c[0]);
    expect(Math.min(...xs)).toBeLessThan(face.landmarks.leftEye[0]);
    expect(Math.max(...xs)).toBeGreaterThan(face.landmarks.rightEye[0]);
    expect(patch.corners[1][0] - patch.corners[0][0]).toBeGreaterThan(face.box.width);
    // a real face, not black padding: the chip has contrast
    const mean = chip.rgb.reduce((a, v) => a + v, 0) / chip.rgb.length;
    expect(mean).toBeGreaterThan(40);
  });

  it("is the same when it comes from a check's own analysis of the uploaded bytes", async () => {
    const bytes = new Uint8Array(readFileSync(join(faces, "images/deepface-01/1.jpg")));
    const { explanation } = await analyzeImageBytesHere({ bytes, field: "user_image", rotate: true, explain: true });
    expect(explanation).toEqual(await explainFace(await decodeImageOrThrow(bytes)));
  });
});

// The detector's coordinates in a turned copy, mapped back: checked against rotateImage itself by
// following one marked pixel through every turn.
describe("unrotatePoint", () => {
  it.each([90, 180, 270] as const)("undoes a %i degree turn", (rotation) => {
    const w = 7, h = 5, data = new Uint8Array(w * h * 3);
    const [mx, my] = [5, 1];
    data[(my * w + mx) * 3] = 255;
    const turned = rotateImage({ data, width: w, height: h }, rotation);
    const at = turned.data.findIndex((v, i) => i % 3 === 0 && v === 255) / 3;
    const centre: [number, number] = [(at % turned.width) + 0.5, Math.floor(at / turned.width) + 0.5];
    expect(unrotatePoint(centre, rotation, w, h)).toEqual([mx + 0.5, my + 0.5]);
  });
});
