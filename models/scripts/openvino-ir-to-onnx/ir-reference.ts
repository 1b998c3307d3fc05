import * as tf from "@tensorflow/tfjs";
import type { IrModel } from "./read-ir";

/** IEEE half -> number by the textbook formula (the converter shifts bits; the tests compare the two). */
export function halfByFormula(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f, m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m ? NaN : sign * Infinity;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}

// Test-only: runs an OpenVINO IR layer by layer in TF.js (CPU backend, NHWC), decoding the f16
// constants from the raw .bin bytes by the formula above, so the converted ONNX is checked against
// a second implementation. Returns each layer's output (NCHW, as the IR declares it) by layer name.
export async function runIrReference(ir: IrModel, input: Float32Array, shape: number[]): Promise<Map<string, { data: Float32Array; dims: number[] }>> {
  await tf.setBackend("cpu");
  const values = new Map<number, tf.Tensor>();
  const out = new Map<string, { data: Float32Array; dims: number[] }>();
  const byId = new Map(ir.layers.map((l) => [l.id, l]));
  const constant = new Set(ir.layers.filter((l) => l.type === "Const" || l.type === "Convert").map((l) => l.id));
  const nhwc = (t: tf.Tensor) => (t.rank === 4 ? tf.transpose(t, [0, 2, 3, 1]) : t);
  const evaluate = (id: number): tf.Tensor => {
    const done = values.get(id);
    if (done) return done;
    const l = byId.get(id)!;
    const sources = ir.edges.filter((e) => e.toLayer === id).sort((a, b) => a.toPort - b.toPort).map((e) => e.fromLayer);
    const ins = sources.map(evaluate);
    // constants keep the IR's NCHW dims; as an operand of an elementwise op they follow the activations into NHWC
    const operand = (k: number) => (constant.has(sources[k]) ? nhwc(ins[k]) : ins[k]);
    const a = l.data;
    const csv = (s: string) => s.split(",").map((v) => Number(v.trim()));
    const pad = (): [[number, number], [number, number], [number, number], [number, number]] => {
      const [bt, bl] = csv(a.pads_begin), [et, el] = csv(a.pads_end);
      return [[0, 0], [bt, et], [bl, el], [0, 0]];
    };
    let y: tf.Tensor;
    switch (l.type) {
      case "Parameter": y = nhwc(tf.tensor(input, shape)); break;
      case "Const": {
        const { raw } = ir.constants.get(id)!;
        if (l.data.element_type !== "f16") throw new Error(`reference: ${l.data.element_type} constants not implemented`);
        const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
        const dims = l.outputs[0].dims;
        y = tf.tensor(Float32Array.from({ length: raw.length / 2 }, (_, i) => halfByFormula(view.getUint16(i * 2, true))), dims);
        break;
      }
      case "Convert": y = ins[0]; break;
      case "Add": y = tf.add(operand(0), operand(1)); break;
      case "Multiply": y = tf.mul(operand(0), operand(1)); break;
      case "Sigmoid": y = tf.sigmoid(ins[0]); break;
      case "PReLU": y = tf.where(tf.greaterEqual(ins[0], 0), ins[0], tf.mul(ins[0], ins[1])); break;
      case "Convolution": y = tf.conv2d(ins[0] as tf.Tensor4D, tf.transpose(ins[1], [2, 3, 1, 0]) as tf.Tensor4D, csv(a.strides) as [number, number], pad(), "NHWC", csv(a.dilations) as [number, number]); break;
      case "GroupConvolution": {
        // [G, 1, 1, kh, kw] (depthwise) -> TF's [kh, kw, G, 1]
        const [groups, perOut, perIn, kh, kw] = ins[1].shape;
        if (perOut !== 1 || perIn !== 1) throw new Error("reference: only depthwise GroupConvolution implemented");
        y = tf.depthwiseConv2d(ins[0] as tf.Tensor4D, tf.transpose(tf.reshape(ins[1], [groups, kh, kw]), [1, 2, 0]).reshape([kh, kw, groups, 1]) as tf.Tensor4D, csv(a.strides) as [number, number], pad(), "NHWC", csv(a.dilations) as [number, number]);
        break;
      }
      case "AvgPool": y = tf.avgPool(ins[0] as tf.Tensor4D, csv(a.kernel) as [number, number], csv(a.strides) as [number, number], "valid"); break;
      case "Result": y = ins[0]; break;
      default: throw new Error(`reference: ${l.type} not implemented`);
    }
    values.set(id, y);
    if (l.type !== "Const" && l.type !== "Convert" && l.type !== "Result") {
      const nchw = y.rank === 4 ? tf.transpose(y, [0, 3, 1, 2]) : y;
      out.set(l.name, { data: nchw.dataSync() as Float32Array, dims: nchw.shape });
    }
    return y;
  };
  for (const l of ir.layers.filter((x) => x.type === "Result")) evaluate(l.id);
  tf.dispose([...values.values()]);
  return out;
}
