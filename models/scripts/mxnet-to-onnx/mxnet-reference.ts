import * as tf from "@tensorflow/tfjs";
import type { NDArray } from "./read-mxnet-params";
import { boolAttr, numberAttr, tupleAttr, type MxnetSymbol } from "./read-mxnet-symbol";

// Test-only: runs an MXNet symbol op by op in TF.js (CPU backend, NHWC), BatchNorm unfolded with
// MXNet's own formula, so the converted ONNX can be checked against a second implementation that
// shares nothing with the converter but the file readers (which the tests check on their own).
// Returns every node's value, NCHW like MXNet, by node name.
export async function runMxnetReference(symbol: MxnetSymbol, params: Map<string, NDArray>, input: Float32Array, shape: number[]): Promise<Map<string, Float32Array>> {
  await tf.setBackend("cpu");
  const values: tf.Tensor[] = [];
  const p = (i: number) => {
    const a = params.get(symbol.nodes[i].name)!;
    return tf.tensor(a.data, a.shape);
  };
  const out = new Map<string, Float32Array>();
  symbol.nodes.forEach((n, i) => {
    if (n.op === "null" && params.has(n.name)) return;
    const x = values[n.inputs[0]] as tf.Tensor4D;
    const a = n.attrs;
    const s = numberAttr(a, "scalar", 0);
    let y: tf.Tensor;
    switch (n.op) {
      case "null": y = tf.transpose(tf.tensor4d(input, shape as [number, number, number, number]), [0, 2, 3, 1]); break;
      case "_minus_scalar": y = tf.sub(x, s); break;
      case "_plus_scalar": y = tf.add(x, s); break;
      case "_mul_scalar": y = tf.mul(x, s); break;
      case "_div_scalar": y = tf.div(x, s); break;
      case "_maximum_scalar": y = tf.maximum(x, s); break;
      case "_minimum_scalar": y = tf.minimum(x, s); break;
      case "elemwise_add": case "_Plus": case "_plus": y = tf.add(x, values[n.inputs[1]]); break;
      case "Dropout": y = x; break;
      case "Activation": y = a.act_type === "relu" ? tf.relu(x) : a.act_type === "sigmoid" ? tf.sigmoid(x) : a.act_type === "tanh" ? tf.tanh(x) : unsupported(n.op, a.act_type); break;
      case "Convolution": {
        const w = p(n.inputs[1]);
        const [o, perGroup] = w.shape;
        const groups = numberAttr(a, "num_group", 1);
        const [ph, pw] = tupleAttr(a, "pad", [0, 0]);
        const pad: [[number, number], [number, number], [number, number], [number, number]] = [[0, 0], [ph, ph], [pw, pw], [0, 0]];
        const stride = tupleAttr(a, "stride", [1, 1]) as [number, number];
        const dil = tupleAttr(a, "dilate", [1, 1]) as [number, number];
        if (groups === 1) y = tf.conv2d(x, tf.transpose(w, [2, 3, 1, 0]) as tf.Tensor4D, stride, pad, "NHWC", dil);
        else if (groups === o && perGroup === 1) y = tf.depthwiseConv2d(x, tf.transpose(w, [2, 3, 0, 1]) as tf.Tensor4D, stride, pad, "NHWC", dil);
        else y = unsupported(n.op, `num_group ${groups}`);
        if (!boolAttr(a, "no_bias", false)) y = tf.add(y, p(n.inputs[2]));
        break;
      }
      case "BatchNorm": {
        const [gamma, beta, mean, variance] = n.inputs.slice(1).map(p);
        const scale = boolAttr(a, "fix_gamma", true) ? tf.onesLike(gamma) : gamma;
        // (x - mean) / sqrt(var + eps) * gamma + beta, over the channel axis (last here)
        y = tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, numberAttr(a, "eps", 1e-3)))), scale), beta);
        break;
      }
      case "Flatten": y = tf.reshape(x.rank === 4 ? tf.transpose(x, [0, 3, 1, 2]) : x, [x.shape[0], -1]); break;
      case "FullyConnected": {
        const flat = x.rank === 4 ? tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [x.shape[0], -1]) : x;
        y = tf.matMul(flat as tf.Tensor2D, p(n.inputs[1]) as tf.Tensor2D, false, true);
        if (!boolAttr(a, "no_bias", false)) y = tf.add(y, p(n.inputs[2]));
        break;
      }
      default: y = unsupported(n.op, "");
    }
    values[i] = y;
    out.set(n.name, (y.rank === 4 ? tf.transpose(y, [0, 3, 1, 2]) : y).dataSync() as Float32Array);
  });
  tf.dispose(values);
  return out;
}

function unsupported(op: string, detail: string | undefined): never {
  throw new Error(`reference: ${op} ${detail ?? ""} not implemented`);
}
