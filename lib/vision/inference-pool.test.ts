import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { prepareModels } from "@/models/scripts/prepare";
import { createInferencePool, inferenceWorkerScript, type ModelSpec } from "./inference-pool";
import { builtinModelPath } from "./model-sessions";

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

  it("reports a model error to the caller and keeps working", async () => {
    const pool = createInferencePool(1)!;
    await expect(pool.load({ key: "missing", path: "/nonexistent/model.onnx", options })).rejects.toThrow();
    const spec: ModelSpec = { key: "facemesh", path: builtinModelPath("facemesh"), options };
    const out = await pool.run(spec, { input: new ort.Tensor("float32", input(), [1, 192, 192, 3]) });
    expect(out.output_faceflag.data).toHaveLength(1);
    await pool.close();
  });

  it("is not created without workers or without the worker script", () => {
    expect(inferenceWorkerScript()).toMatch(/inference-worker\.mjs$/);
    expect(createInferencePool(0)).toBeUndefined();
    expect(createInferencePool(2, "/nonexistent/worker.mjs")).toBeUndefined();
  });
});
