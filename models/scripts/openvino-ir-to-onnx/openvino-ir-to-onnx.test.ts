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
import { convertIr } from "./convert-ir";
import { halfByFormula, runIrReference } from "./ir-reference";
import { halfToFloat, readIr } from "./read-ir";

// OpenVINO's own runtime cannot be used as the reference: npm's openvino-node downloads its native
// runtime during install, which fails offline. So the conversion is checked by invariants and
// against a second, layer-by-layer implementation in TF.js: every constant lands in the ONNX graph
// as its exact f16 -> f32 expansion, every layer's ONNX value has the dims the IR declares and
// matches the reference, and the model separates faces-dev identities.
const entry = readManifest().models.find((m) => m.id === "face-reid-0095") as RepoModelEntry;
const dir = fileURLToPath(new URL(`../../../${entry.source.dir}/`, import.meta.url));
const ir = readIr(join(dir, entry.source.files[0]), join(dir, entry.source.files[1]));
const computed = ir.layers.filter((l) => !["Const", "Convert", "Parameter", "Result"].includes(l.type));
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};
const asFloats = (t: { rawData?: Uint8Array | null }) => new Float32Array(Uint8Array.from(t.rawData!).buffer);

beforeAll(() => {
  prepareModels({ log: () => {} });
});

const hasFaces = datasetsForSuite("recogniser conversion", [facesDatasetDir()]);

describe("OpenVINO IR to ONNX (face-reidentification-retail-0095)", () => {
  it("expands every half exactly (all 65,536 bit patterns against the textbook formula)", () => {
    for (let h = 0; h < 0x10000; h++) {
      const expected = halfByFormula(h);
      if (Number.isNaN(expected)) expect(Number.isNaN(halfToFloat(h))).toBe(true);
      else expect(Object.is(halfToFloat(h), expected), `0x${h.toString(16)}`).toBe(true);
    }
  });

  it("reads the IR: 686 layers, 712 edges, 209 f16 constants holding 1,106,814 values", () => {
    expect([ir.layers.length, ir.edges.length, ir.constants.size]).toEqual([686, 712, 209]);
    expect([...ir.constants.values()].every((c) => c.elementType === "f16")).toBe(true);
    expect([...ir.constants.values()].reduce((s, c) => s + c.data.length, 0)).toBe(1_106_814);
  });

  it("puts every constant into the graph as its exact f32 expansion (initializer or PReLU slope)", () => {
    const model = onnx.ModelProto.decode(convertIr(ir, { docString: "test" }));
    const initializers = new Map(model.graph!.initializer!.map((t) => [t.name!.replace(/__\d+$/, ""), t]));
    const slopes = new Map(model.graph!.node!.filter((n) => n.opType === "LeakyRelu").map((n) => [n.output![0], n.attribute![0].f!]));
    for (const convert of ir.layers.filter((l) => l.type === "Convert")) {
      const source = ir.edges.find((e) => e.toLayer === convert.id)!.fromLayer;
      const c = ir.constants.get(source)!;
      const view = new DataView(c.raw.buffer, c.raw.byteOffset, c.raw.byteLength);
      const expected = Float32Array.from({ length: c.raw.length / 2 }, (_, i) => halfByFormula(view.getUint16(i * 2, true)));
      const consumer = ir.layers.find((l) => l.id === ir.edges.find((e) => e.fromLayer === convert.id)!.toLayer)!;
      if (consumer.type === "PReLU" && expected.length === 1) {
        expect(slopes.get(consumer.name), consumer.name).toBe(expected[0]);
        continue;
      }
      const t = initializers.get(convert.name);
      expect(t, convert.name).toBeDefined();
      // only dims may change (GroupConvolution [G, O/G, I/G, kh, kw] -> [O, I/G, kh, kw]), never values or count
      expect(t!.dims!.map(Number).reduce((a, b) => a * b, 1)).toBe(expected.length);
      expect(Buffer.from(asFloats(t!).buffer).equals(Buffer.from(expected.buffer)), convert.name).toBe(true);
    }
  });

  it("gives every layer the dims the IR declares and the values of a layer-by-layer TF.js run", async () => {
    const shape = [2, 3, 128, 128];
    const input = fixedInput(shape, 0, 255, 5);
    const reference = await runIrReference(ir, input, shape);
    const session = await ort.InferenceSession.create(convertIr(ir, { docString: "test", extraOutputs: computed.map((l) => l.name) }));
    const out = await session.run({ input: new ort.Tensor("float32", input.slice(), shape) });
    for (const l of computed) {
      const declared = l.outputs[0].dims;
      expect(out[l.name].dims.slice(1), l.name).toEqual(declared.slice(1));
      expect(out[l.name].dims[0]).toBe(2);
      const ref = reference.get(l.name)!;
      expect(ref.dims.slice(1), `${l.name} (reference)`).toEqual(declared.slice(1));
      expect(maxAbsDiff(out[l.name].data as Float32Array, ref.data), l.name).toBeLessThanOrEqual(1e-4 * Math.max(1, maxAbs(ref.data)));
    }
    const last = ir.edges.find((e) => e.toLayer === ir.layers.find((l) => l.type === "Result")!.id)!.fromLayer;
    const ref = reference.get(ir.layers.find((l) => l.id === last)!.name)!.data;
    const unit = (v: Float32Array) => Array.from(v, (x, i) => x / Math.hypot(...v.subarray(i - (i % 256), i - (i % 256) + 256)));
    expect(maxAbsDiff(unit(out.embedding.data as Float32Array), unit(ref))).toBeLessThanOrEqual(entry.tolerance);
  });

  it("is the file prepare wrote, byte for byte, and the checksum in the manifest", () => {
    const written = readFileSync(join(ONNX_DIR, entry.file));
    expect(Buffer.from(convertIr(ir, { docString: `${entry.id} from ${entry.source.dir}` })).equals(written)).toBe(true);
    expect(createHash("sha256").update(written).digest("hex")).toBe(entry.sha256);
  });

  it.skipIf(!hasFaces)("separates faces-dev identities far above chance (colour pairs)", async () => {
    const r = await facesDevAccuracy({ id: entry.id, path: join(ONNX_DIR, entry.file), size: 128, alignment: "openvino-reid", bgr: true, flip: false, mean: [0, 0, 0], scale: [1, 1, 1] });
    expect(r!.genuine).toBeGreaterThan(100);
    expect(r!.auc).toBeGreaterThan(0.999);
    expect(r!.eer).toBeLessThan(0.01);
  });
});
