import { prelu } from "../tfjs-graph-to-onnx/convert-graph";
import { createGraphBuilder, type GraphBuilder } from "../tfjs-graph-to-onnx/onnx-builder";
import type { NDArray } from "./read-mxnet-params";
import { boolAttr, inferShapes, numberAttr, tupleAttr, type MxnetSymbol, type SymbolNode } from "./read-mxnet-symbol";

export type ConvertOptions = {
  /** NCHW input shape the symbol is inferred with; the batch dimension stays free in the ONNX */
  inputShape: number[];
  docString: string;
  /** fold each BatchNorm into the Convolution / FullyConnected before it, and max+min into Clip (default) */
  fold?: boolean;
  /** also expose these nodes' values as graph outputs (layer-by-layer tests) */
  extraOutputs?: string[];
};

const SCALAR_OPS: Record<string, string> = { _minus_scalar: "Sub", _plus_scalar: "Add", _mul_scalar: "Mul", _div_scalar: "Div", _maximum_scalar: "Max", _minimum_scalar: "Min" };
const ACTIVATIONS: Record<string, string> = { relu: "Relu", sigmoid: "Sigmoid", tanh: "Tanh", softrelu: "Softplus" };

// An MXNet checkpoint (symbol + params) as an ONNX graph. Input "input" [batch, C, H, W] as the
// symbol's data variable takes it; output "embedding", the first head. Constants are the params'
// float32 values, except where a BatchNorm is folded: then w' = w * s and b' = (b - mean) * s + beta
// with s = gamma / sqrt(var + eps), computed in float64 and rounded once.
export function convertMxnetSymbol(symbol: MxnetSymbol, params: Map<string, NDArray>, options: ConvertOptions): Uint8Array {
  const { nodes, heads } = symbol;
  const fold = options.fold ?? true;
  const shapes = inferShapes(symbol, params, options.inputShape);
  const consumers = nodes.map(() => [] as number[]);
  nodes.forEach((n, i) => n.inputs.forEach((j) => consumers[j].push(i)));
  for (const h of heads) consumers[h].push(-1);
  const inputNode = nodes.findIndex((n) => n.op === "null" && !params.has(n.name));
  const nameOf = (i: number) => (i === heads[0] ? "embedding" : i === inputNode ? "input" : nodes[i].name);
  const onlyConsumer = (i: number, op: string) => (consumers[i].length === 1 && consumers[i][0] >= 0 && nodes[consumers[i][0]].op === op ? consumers[i][0] : -1);
  const param = (i: number) => params.get(nodes[i].name)!;
  const g = createGraphBuilder();
  const values: string[] = [];
  nodes.forEach((n, i) => {
    if (values[i] !== undefined || (n.op === "null" && i !== inputNode)) return;
    if (i === inputNode) return void (values[i] = "input");
    const x = values[n.inputs[0]];
    const a = n.attrs;
    const set = (value: string) => void (values[i] = value);
    switch (n.op) {
      case "Convolution":
      case "FullyConnected": {
        const bn = fold ? onlyConsumer(i, "BatchNorm") : -1;
        const weight = param(n.inputs[1]);
        const bias = boolAttr(a, "no_bias", false) ? undefined : param(n.inputs[2]).data;
        const [w, b] = bn >= 0 ? foldBatchNorm(weight, bias, batchNormParams(nodes[bn], param)) : [weight.data, bias];
        const out = bn >= 0 ? bn : i;
        const inputs = [x, g.constant(nodes[n.inputs[1]].name, weight.shape, w), ...(b ? [g.constant(bn >= 0 ? `${nodes[bn].name}_folded_bias` : nodes[n.inputs[2]].name, [b.length], b)] : [])];
        if (n.op === "Convolution") {
          const p = tupleAttr(a, "pad", [0, 0]);
          values[out] = g.node("Conv", inputs, { kernel_shape: tupleAttr(a, "kernel", []), strides: tupleAttr(a, "stride", [1, 1]), pads: [...p, ...p], dilations: tupleAttr(a, "dilate", [1, 1]), group: numberAttr(a, "num_group", 1) }, nameOf(out));
        } else {
          const flat = shapes[n.inputs[0]].length > 2 && boolAttr(a, "flatten", true) ? g.node("Flatten", [x], { axis: 1 }) : x;
          values[out] = g.node("Gemm", [flat, ...inputs.slice(1)], { transB: 1 }, nameOf(out));
        }
        return;
      }
      case "BatchNorm": {
        const { scale, shift, mean, variance, eps } = batchNormParams(n, param);
        const [gamma, beta, movingMean, movingVar] = n.inputs.slice(1).map((k) => nodes[k].name);
        const c = (hint: string, d: Float32Array) => g.constant(hint, [d.length], d);
        return set(g.node("BatchNormalization", [x, c(gamma, scale), c(beta, shift), c(movingMean, mean), c(movingVar, variance)], { epsilon: new Float32Array([eps]) }, nameOf(i)));
      }
      case "_maximum_scalar": {
        const min = fold ? onlyConsumer(i, "_minimum_scalar") : -1;
        if (min < 0) break;
        const scalar = (v: number) => g.constant("clip", [], new Float32Array([v]));
        values[min] = g.node("Clip", [x, scalar(numberAttr(a, "scalar", 0)), scalar(numberAttr(nodes[min].attrs, "scalar", 0))], {}, nameOf(min));
        return;
      }
      case "Activation":
        if (!ACTIVATIONS[a.act_type]) throw new Error(`${n.name}: activation ${a.act_type} is not supported`);
        return set(g.node(ACTIVATIONS[a.act_type], [x], {}, nameOf(i)));
      case "LeakyReLU":
        return set(leakyRelu(g, n, x, shapes[i].length, param, nameOf(i)));
      case "Pooling":
        return set(pooling(g, n, x, nameOf(i)));
      case "Flatten":
        return set(g.node("Flatten", [x], { axis: 1 }, nameOf(i)));
      case "elemwise_add":
      case "_Plus":
      case "_plus":
        return set(g.node("Add", [x, values[n.inputs[1]]], {}, nameOf(i)));
      case "Dropout":
        return set(i === heads[0] ? g.node("Identity", [x], {}, nameOf(i)) : x);
    }
    if (!SCALAR_OPS[n.op]) throw new Error(`MXNet op ${n.op} (${n.name}) is not supported`);
    set(g.node(SCALAR_OPS[n.op], [x, g.constant(n.name, [], new Float32Array([numberAttr(a, "scalar", 0)]))], {}, nameOf(i)));
  });
  const shape = (i: number) => ["batch", ...shapes[i].slice(1)];
  const extra = (options.extraOutputs ?? []).map((name) => {
    const i = nodes.findIndex((n) => n.name === name);
    if (i < 0 || values[i] !== name) throw new Error(`${name} is not a value of the converted graph`);
    return { name, shape: shape(i) };
  });
  return g.build({
    inputs: [{ name: "input", shape: shape(inputNode) }],
    outputs: [{ name: "embedding", shape: shape(heads[0]) }, ...extra],
    docString: options.docString,
  });
}

type BatchNorm = { scale: Float32Array; shift: Float32Array; mean: Float32Array; variance: Float32Array; eps: number };

// MXNet's BatchNorm defaults differ from other frameworks': eps 1e-3, and fix_gamma=True (gamma
// read as 1 whatever the params hold). At inference the moving statistics are always used.
function batchNormParams(n: SymbolNode, param: (i: number) => NDArray): BatchNorm {
  if (numberAttr(n.attrs, "axis", 1) !== 1) throw new Error(`${n.name}: BatchNorm over axis ${n.attrs.axis} is not supported`);
  const [gamma, beta, mean, variance] = n.inputs.slice(1).map((k) => param(k).data);
  const scale = boolAttr(n.attrs, "fix_gamma", true) ? new Float32Array(gamma.length).fill(1) : gamma;
  return { scale, shift: beta, mean, variance, eps: numberAttr(n.attrs, "eps", 1e-3) };
}

function foldBatchNorm(weight: NDArray, bias: Float32Array | undefined, bn: BatchNorm): [Float32Array, Float32Array] {
  const out = weight.shape[0];
  const per = weight.data.length / out;
  const w = new Float32Array(weight.data.length);
  const b = new Float32Array(out);
  for (let o = 0; o < out; o++) {
    const s = bn.scale[o] / Math.sqrt(bn.variance[o] + bn.eps);
    for (let k = 0; k < per; k++) w[o * per + k] = weight.data[o * per + k] * s;
    b[o] = ((bias?.[o] ?? 0) - bn.mean[o]) * s + bn.shift[o];
  }
  return [w, b];
}

function leakyRelu(g: GraphBuilder, n: SymbolNode, x: string, rank: number, param: (i: number) => NDArray, name: string): string {
  const type = n.attrs.act_type ?? "leaky";
  if (type === "leaky") return g.node("LeakyRelu", [x], { alpha: new Float32Array([numberAttr(n.attrs, "slope", 0.25)]) }, name);
  if (type === "elu") return g.node("Elu", [x], { alpha: new Float32Array([numberAttr(n.attrs, "slope", 0.25)]) }, name);
  if (type !== "prelu") throw new Error(`${n.name}: LeakyReLU ${type} is not supported`);
  const slopes = param(n.inputs[1]).data;
  const alpha = g.constant(`${n.name}_gamma`, rank === 4 ? [slopes.length, 1, 1] : [slopes.length], slopes);
  return g.node("Identity", [prelu(g, x, alpha, slopes)], {}, name);
}

function pooling(g: GraphBuilder, n: SymbolNode, x: string, name: string): string {
  const a = n.attrs;
  const type = a.pool_type ?? "max";
  if (type !== "max" && type !== "avg") throw new Error(`${n.name}: ${type} pooling is not supported`);
  if (boolAttr(a, "global_pool", false)) return g.node(type === "max" ? "GlobalMaxPool" : "GlobalAveragePool", [x], {}, name);
  const p = tupleAttr(a, "pad", [0, 0]);
  const attrs = { kernel_shape: tupleAttr(a, "kernel", []), strides: tupleAttr(a, "stride", [1, 1]), pads: [...p, ...p], ceil_mode: a.pooling_convention === "full" ? 1 : 0 };
  if (type === "max") return g.node("MaxPool", [x], attrs, name);
  return g.node("AveragePool", [x], { ...attrs, count_include_pad: boolAttr(a, "count_include_pad", true) ? 1 : 0 }, name);
}
