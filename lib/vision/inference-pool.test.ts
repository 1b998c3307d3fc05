import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { AppError } from "@/lib/errors";
import { prepareModels } from "@/models/scripts/prepare";
import { analyzeFaceHere, type FaceAnalysis } from "./analyze-face";
import { analyzeImageBytesHere, type BytesAnalysis } from "./analyze-image-bytes";
import { datasetsForSuite, facesDatasetDir } from "./datasets";
import { createInferencePool, inferenceWorkerScript, type ModelSpec } from "./inference-pool";
import { builtinModelPath } from "./model-sessions";
import { getRecogniserConfig } from "./recogniser";
import { scoreLivenessHere, type LivenessResult } from "./score-liveness";

const options: ort.InferenceSession.SessionOptions = { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: "all", executionMode: "sequential" };
const input = () => Float32Array.from({ length: 192 * 192 * 3 }, (_, i) => ((i * 37) % 255) / 255);

beforeAll(() => {
  prepareModels({ log: () => {} });
});

describe("inference pool", () => {
  it("gives the same outputs as an in-process session and hands the input over", async () => {
    const spec: ModelSpec = { key: "facemesh", path: builtinModelPath("facemesh"), options };
    const pool = createInferencePool(2)!;
    expect(pool.size).toBe(2);
    const names = await pool.load(spec);
    const session = await ort.InferenceSession.create(spec.path, options);
    expect(names.inputNames).toEqual(session.inputNames);
    expect(names.outputNames).toEqual(session.outputNames);

    const expected = await session.run({ input: new ort.Tensor("float32", input(), [1, 192, 192, 3]) });
    const sent = input();
    // two at once: one per worker
    const [a, b] = await Promise.all([pool.run(spec, { input: new ort.Tensor("float32", sent, [1, 192, 192, 3]) }), pool.run(spec, { input: new ort.Tensor("float32", input(), [1, 192, 192, 3]) })]);
    expect(sent.length).toBe(0);
    for (const out of [a, b]) {
      expect(out.output_mesh.dims).toEqual(expected.output_mesh.dims);
      expect(Array.from(out.output_mesh.data as Float32Array)).toEqual(Array.from(expected.output_mesh.data as Float32Array));
    }
    await pool.close();
  });

  it("reports a model error to the caller, as the app's error, and keeps working", async () => {
    const pool = createInferencePool(1)!;
    const failed = pool.load({ key: "missing", path: "/nonexistent/model.onnx", options });
    await expect(failed).rejects.toBeInstanceOf(AppError);
    await expect(failed).rejects.toMatchObject({ code: "service_unavailable" });
    const spec: ModelSpec = { key: "facemesh", path: builtinModelPath("facemesh"), options };
    const out = await pool.run(spec, { input: new ort.Tensor("float32", input(), [1, 192, 192, 3]) });
    expect(out.output_faceflag.data).toHaveLength(1);
    await pool.close();
  });

  it("lets the process exit when its work is done, even with a worker that never had a job", () => {
    // a CLI (like the e2e face locator) must end on its own: idle workers are unref'd
    const pool = path.join(import.meta.dirname, "inference-pool.ts");
    const dir = mkdtempSync(path.join(tmpdir(), "faceid-pool-"));
    const script = path.join(dir, "one-task.mts");
    writeFileSync(
      script,
      `import { createInferencePool } from ${JSON.stringify(pool)};
      const p = createInferencePool(2);
      const r = await p.task("analyze", { data: new Uint8Array(32 * 32 * 3), width: 32, height: 32 }, { embed: false });
      console.log(JSON.stringify(r));`,
    );
    const run = spawnSync(process.execPath, ["--import", "tsx", script], { cwd: process.cwd(), encoding: "utf8", timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ faces: [], rotation: 0 });
  });

  it("is not created without workers or without the worker script", () => {
    expect(inferenceWorkerScript()).toMatch(/inference-worker\.mjs$/);
    expect(createInferencePool(0)).toBeUndefined();
    expect(createInferencePool(2, "/nonexistent/worker.mjs")).toBeUndefined();
  });

  const faces = facesDatasetDir();
  const hasFaces = datasetsForSuite("inference pool", [faces]);
  it.skipIf(!hasFaces)("runs whole tasks in a worker with the same results as this thread, leaving the caller's image intact", async () => {
    const pool = createInferencePool(2)!;
    const images = await Promise.all(["images/deepface-01/1.jpg", "multi-face/couple.jpg"].map(async (f) => decodeImageOrThrow(readFileSync(path.join(faces, f)))));
    const copies = images.map((i) => Uint8Array.from(i.data));
    const recogniser = getRecogniserConfig();
    // more tasks than workers, so pixel buffers are reused across images of different sizes
    const analyses = (await Promise.all([...images, ...images].map((image) => pool.task("analyze", image, { recogniser })))) as FaceAnalysis[];
    for (const [i, image] of images.entries()) {
      expect(Buffer.compare(Buffer.from(image.data), Buffer.from(copies[i]))).toBe(0);
      const here = await analyzeFaceHere(image, { recogniser });
      for (const there of [analyses[i], analyses[i + images.length]]) {
        expect(there.faces).toHaveLength(here.faces.length);
        expect(Array.from(there.primary!.embedding)).toEqual(Array.from(here.primary!.embedding));
        expect(there.primary!.quality).toEqual(here.primary!.quality);
      }
    }
    expect(analyses[1].faces.length).toBeGreaterThanOrEqual(2);
    const live = (await pool.task("liveness", images[0], analyses[0].faces[0])) as LivenessResult;
    expect(live.score).toBeCloseTo((await scoreLivenessHere(images[0], analyses[0].faces[0])).score, 5);
    await pool.close();
  });

  it.skipIf(!hasFaces)("decodes uploads in the workers, several at once, with this thread's results; bad bytes come back as the app's error", async () => {
    const pool = createInferencePool(2)!;
    const recogniser = getRecogniserConfig();
    const files = ["images/deepface-01/1.jpg", "multi-face/couple.jpg", "images/bbt-amy/1.jpg"].map((f) => readFileSync(path.join(faces, f)));
    const input = (bytes: Uint8Array, liveness = false) => ({ bytes: Uint8Array.from(bytes), field: "user_image", rotate: false, liveness, recogniser });
    // six jobs on two workers: each worker decodes one job ahead while it analyses the one before
    const jobs = [...files, ...files].map((bytes, i) => pool.task("analyze-bytes", null, input(bytes, i === 0)) as Promise<BytesAnalysis>);
    const bad = pool.task("analyze-bytes", null, input(new TextEncoder().encode("not an image at all")));
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toMatchObject({ code: "unsupported_media_type", field: "user_image" });
    const results = await Promise.all(jobs);
    for (const [i, bytes] of files.entries()) {
      const here = await analyzeImageBytesHere(input(bytes, i === 0));
      for (const there of [results[i], results[i + files.length]]) {
        expect(there.image).toEqual(here.image);
        expect(there.analysis.faces).toHaveLength(here.analysis.faces.length);
        expect(Array.from(there.analysis.primary!.embedding)).toEqual(Array.from(here.analysis.primary!.embedding));
      }
      expect(results[i]).not.toHaveProperty("image.data");
    }
    expect(results[0].liveness!.score).toBeCloseTo((await analyzeImageBytesHere(input(files[0], true))).liveness!.score, 5);
    expect(results[files.length].liveness).toBeUndefined();
    await pool.close();
  });
});
