import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { ONNX_DIR, readManifest, type ModelEntry } from "./model-manifest";
import { prepareModels } from "./prepare";
import { resolvePackageDir } from "./resolve-package-dir";
import { fixedInput, loadTfjsGraphModel, loadTfjsWeightMap, runFaceApiRecogniser } from "./tfjs-reference";

// Each converted ONNX model must reproduce the original TensorFlow.js model on fixed inputs
// within the tolerance stated in models/manifest.json and the model card.
const manifest = readManifest();
// the npm-shipped models (the others are checked by their own tests or copied by checksum)
const packageModels = manifest.models.filter((m): m is ModelEntry => m.converter === "tfjs-graph" || m.converter === "dlib-resnet");
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

beforeAll(() => {
  prepareModels({ log: () => {} });
});

describe("ONNX conversion matches TensorFlow.js", () => {
  for (const entry of packageModels.filter((m) => m.converter === "tfjs-graph")) {
    it(`${entry.id} within ${entry.tolerance}`, async () => {
      const dir = resolvePackageDir(entry.source.package).dir;
      const model = await loadTfjsGraphModel(join(dir, entry.source.files[0]));
      const shape = [1, ...entry.input.shape.slice(1)];
      const [lo, hi] = entry.input.normalisation.startsWith("rgb / 127.5") ? [-1, 1] : [0, 1];
      for (const seed of [1, 2]) {
        const data = fixedInput(shape, lo, hi, seed);
        const session = await ort.InferenceSession.create(join(ONNX_DIR, entry.file));
        const onnxOut = await session.run({ input: new ort.Tensor("float32", data, shape) });
        const outputNames = Object.keys(onnxOut).sort();
        const signature = model.outputs.map((o) => o.name);
        const tfOut = model.execute(tf.tensor(data, shape), signature) as tf.Tensor[] | tf.Tensor;
        const tfList = Array.isArray(tfOut) ? tfOut : [tfOut];
        // ONNX outputs are named after the signature keys, sorted; match them to TF outputs by size.
        for (const name of outputNames) {
          const got = onnxOut[name].data as Float32Array;
          const ref = tfList.find((t) => t.size === got.length && maxAbsDiff(t.dataSync(), got) <= entry.tolerance);
          expect(ref, `${entry.id}/${name} has no TF.js output within ${entry.tolerance}`).toBeDefined();
        }
        tf.dispose(tfList);
      }
      model.dispose();
    });
  }

  it("dlib-resnet recogniser within its tolerance", async () => {
    const entry = packageModels.find((m) => m.id === "dlib-resnet")!;
    const dir = resolvePackageDir(entry.source.package).dir;
    const weights = loadTfjsWeightMap(join(dir, entry.source.files[0]));
    const nhwc = fixedInput([2, 150, 150, 3], -0.5, 0.5, 7);
    const reference = runFaceApiRecogniser(weights, tf.tensor4d(nhwc, [2, 150, 150, 3]));
    const nchw = new Float32Array(nhwc.length);
    for (let b = 0; b < 2; b++)
      for (let i = 0; i < 150 * 150; i++) for (let c = 0; c < 3; c++) nchw[b * 67500 + c * 22500 + i] = nhwc[b * 67500 + i * 3 + c];
    const session = await ort.InferenceSession.create(join(ONNX_DIR, entry.file));
    const out = await session.run({ input: new ort.Tensor("float32", nchw, [2, 3, 150, 150]) });
    expect(maxAbsDiff(out.descriptor.data as Float32Array, reference.dataSync())).toBeLessThanOrEqual(entry.tolerance);
    tf.dispose([reference, ...Object.values(weights)]);
  });
});
