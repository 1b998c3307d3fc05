import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGraphBuilder } from "@/models/scripts/tfjs-graph-to-onnx/onnx-builder";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { analyzeFace, compareEmbeddings, getRecogniserConfig } from "@/lib/vision";
import { datasetsForSuite, facesDatasetDir } from "@/lib/vision/datasets";

// An operator's own ArcFace-style recogniser, by configuration only: a small stand-in ONNX model with
// the usual interface (1x3x112x112 in, 128-d out) is written at test time; the engine must align to
// 112x112, run it, and tag every template with the model's id.
function writeStandInRecogniser(file: string): void {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const g = createGraphBuilder();
  const w = g.constant("conv_w", [16, 3, 8, 8], Float32Array.from({ length: 16 * 3 * 64 }, rand));
  const conv = g.node("Conv", ["data", w], { strides: [8, 8], kernel_shape: [8, 8] });
  const flat = g.node("Flatten", [g.node("Relu", [conv])], { axis: 1 });
  const fc = g.constant("fc_w", [16 * 14 * 14, 128], Float32Array.from({ length: 16 * 14 * 14 * 128 }, rand));
  g.node("MatMul", [flat, fc], {}, "fc1");
  writeFileSync(file, g.build({ inputs: [{ name: "data", shape: ["N", 3, 112, 112] }], outputs: [{ name: "fc1", shape: ["N", 128] }], docString: "test stand-in" }));
}

const faces = facesDatasetDir();
const hasFaces = datasetsForSuite("custom recogniser", [faces]);

describe.skipIf(!hasFaces)("user-supplied recogniser (FACE_RECOGNISER_ONNX)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "faceid-recogniser-"));
  const saved = { ...process.env };
  let builtin: Awaited<ReturnType<typeof analyzeFace>>;

  beforeAll(async () => {
    const image = await decodeImageOrThrow(readFileSync(path.join(faces, "images/deepface-01/1.jpg")));
    builtin = await analyzeFace(image);
    writeStandInRecogniser(path.join(dir, "arcface-test.onnx"));
    process.env.FACE_RECOGNISER_ONNX = path.join(dir, "arcface-test.onnx");
    process.env.FACE_RECOGNISER_ID = "arcface-test";
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("aligns to 112x112, embeds with the configured model and tags the template", async () => {
    expect(getRecogniserConfig()).toMatchObject({ modelId: "arcface-test", size: 112, alignment: "arcface" });
    const image = await decodeImageOrThrow(readFileSync(path.join(faces, "images/deepface-01/1.jpg")));
    const first = await analyzeFace(image);
    const again = await analyzeFace(image);
    expect(first.primary?.modelId).toBe("arcface-test");
    expect(first.primary?.embedding).toHaveLength(128);
    expect(compareEmbeddings({ embedding: first.primary!.embedding, modelId: "arcface-test" }, { embedding: again.primary!.embedding, modelId: "arcface-test" }).cosine).toBeCloseTo(1, 5);
  });

  it("never compares templates of different models", async () => {
    const image = await decodeImageOrThrow(readFileSync(path.join(faces, "images/deepface-01/1.jpg")));
    const custom = (await analyzeFace(image)).primary!;
    expect(builtin.primary!.modelId).toMatch(/^face-reid-0095@/);
    expect(() => compareEmbeddings({ embedding: custom.embedding, modelId: custom.modelId }, { embedding: builtin.primary!.embedding, modelId: builtin.primary!.modelId })).toThrow(/different models/);
  });
});
