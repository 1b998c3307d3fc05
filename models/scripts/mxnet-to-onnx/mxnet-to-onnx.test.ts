import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ort from "onnxruntime-node";
import { beforeAll, describe, expect, it } from "vitest";
import { datasetsForSuite, facesDatasetDir } from "@/lib/vision/datasets";
import { facesDevAccuracy } from "../faces-dev-accuracy";
import { ONNX_DIR, readManifest, type RepoModelEntry } from "../model-manifest";
import { prepareModels } from "../prepare";
import { onnx } from "../tfjs-graph-to-onnx/onnx-builder";
import { fixedInput } from "../tfjs-reference";
import { convertMxnetSymbol } from "./convert-symbol";
import { runMxnetReference } from "./mxnet-reference";
import { readMxnetParams } from "./read-mxnet-params";
import { inferShapes, readMxnetSymbol } from "./read-mxnet-symbol";

// No MXNet runs here (none is packaged for this platform), so the conversion is checked by
// invariants and against a second, op-by-op implementation in TF.js: every parameter lands in the
// ONNX graph bit for bit, every layer's value matches the reference, folding BatchNorm changes
// nothing beyond rounding, and the model separates faces-dev identities.
const entry = readManifest().models.find((m) => m.id === "mobileface-v2") as RepoModelEntry;
const dir = fileURLToPath(new URL(`../../../${entry.source.dir}/`, import.meta.url));
const symbol = readMxnetSymbol(join(dir, entry.source.files[0]));
const params = readMxnetParams(join(dir, entry.source.files[1]));
const shape = [2, 3, 112, 112];
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const normalise = (v: Float32Array, dim: number) =>
  Array.from(v, (x, i) => {
    const row = v.subarray(Math.floor(i / dim) * dim, Math.floor(i / dim) * dim + dim);
    return x / Math.hypot(...row);
  });

beforeAll(() => {
  prepareModels({ log: () => {} });
});

const hasFaces = datasetsForSuite("recogniser conversion", [facesDatasetDir()]);

describe("MXNet checkpoint to ONNX (MobileFace Identification V2)", () => {
  it("reads all 191 arrays (892,384 values), exactly the symbol's parameters, with the shapes its operators imply", () => {
    expect(params.size).toBe(191);
    expect([...params.values()].reduce((s, a) => s + a.data.length, 0)).toBe(892_384);
    const variables = symbol.nodes.filter((n) => n.op === "null" && n.name !== "data").map((n) => n.name);
    expect([...params.keys()].sort()).toEqual(variables.sort());
    // inferShapes throws when a parameter's shape disagrees with its operator
    expect(inferShapes(symbol, params, [1, 3, 112, 112])[symbol.heads[0]]).toEqual([1, 256]);
    for (const [name, a] of params) if (name.endsWith("_moving_var")) expect(Math.min(...a.data), name).toBeGreaterThan(0);
  });

  it("puts every parameter into the unfolded graph bit for bit", () => {
    const model = onnx.ModelProto.decode(convertMxnetSymbol(symbol, params, { inputShape: [1, 3, 112, 112], docString: "test", fold: false }));
    const initializers = new Map(model.graph!.initializer!.map((t) => [t.name!.replace(/__\d+$/, ""), t]));
    for (const [name, a] of params) {
      const t = initializers.get(name);
      expect(t, name).toBeDefined();
      expect(t!.dims!.map(Number), name).toEqual(a.shape);
      expect(Buffer.from(t!.rawData!).equals(Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength)), name).toBe(true);
    }
  });

  it("matches an op-by-op TF.js run of the symbol at every layer, with BatchNorm unfolded and folded", async () => {
    const input = fixedInput(shape, 0, 255, 3);
    const reference = await runMxnetReference(symbol, params, input, shape);
    const head = symbol.nodes[symbol.heads[0]].name;
    for (const fold of [false, true]) {
      // folding removes the Convolution / FullyConnected values (they become the BatchNorm's) and the max of max+min
      const gone = fold ? ["Convolution", "FullyConnected", "_maximum_scalar"] : [];
      const layers = symbol.nodes.filter((n) => n.op !== "null" && n.name !== head && !gone.includes(n.op)).map((n) => n.name);
      const bytes = convertMxnetSymbol(symbol, params, { inputShape: [1, 3, 112, 112], docString: "test", fold, extraOutputs: layers });
      const session = await ort.InferenceSession.create(bytes);
      const out = await session.run({ input: new ort.Tensor("float32", input.slice(), shape) });
      for (const name of layers) {
        const ref = reference.get(name)!;
        expect(maxAbsDiff(out[name].data as Float32Array, ref), `${name} (fold ${fold})`).toBeLessThanOrEqual(1e-4 * Math.max(1, maxAbs(ref)));
      }
      const embedding = out.embedding.data as Float32Array;
      expect(maxAbsDiff(normalise(embedding, 256), normalise(reference.get(head)!, 256)), `embedding (fold ${fold})`).toBeLessThanOrEqual(entry.tolerance);
    }
  });

  it("is the file prepare wrote, byte for byte, and the checksum in the manifest", () => {
    const bytes = convertMxnetSymbol(symbol, params, { inputShape: entry.input.shape, docString: `${entry.id} from ${entry.source.dir}` });
    const written = readFileSync(join(ONNX_DIR, entry.file));
    expect(Buffer.from(bytes).equals(written)).toBe(true);
    expect(createHash("sha256").update(written).digest("hex")).toBe(entry.sha256);
  });

  it.skipIf(!hasFaces)("separates faces-dev identities far above chance (colour pairs)", async () => {
    const r = await facesDevAccuracy({ id: entry.id, path: join(ONNX_DIR, entry.file), size: 112, alignment: "arcface", bgr: false, flip: false, mean: [0, 0, 0], scale: [1, 1, 1] });
    expect(r!.genuine).toBeGreaterThan(100);
    expect(r!.auc).toBeGreaterThan(0.99);
    expect(r!.eer).toBeLessThan(0.05);
  });
});
