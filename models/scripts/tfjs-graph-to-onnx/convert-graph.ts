import type { GraphBuilder } from "./onnx-builder";
import { createGraphBuilder } from "./onnx-builder";
import type { Weight } from "./read-tfjs-weights";

export type TfNode = { name: string; op: string; input?: string[]; attr?: Record<string, TfAttr> };
type TfAttr = { s?: string; i?: string; b?: boolean; f?: number; list?: { i?: string[]; s?: string[] }; shape?: unknown; type?: string };
export type TfGraph = { nodes: TfNode[]; weights: Map<string, Weight>; inputShape: number[]; outputs: { tfName: string; name: string }[] };

// A value in the ONNX graph plus what we know of its layout: TF graphs are NHWC; we keep 4-D
// tensors in NCHW (what onnxruntime's conv kernels want) and transpose back only where a
// layout-sensitive op (Reshape, a graph output) needs the TF order.
type Value = { name: string; rank: number; nchw: boolean };

const NHWC_TO_NCHW = [0, 3, 1, 2];
const NCHW_TO_NHWC = [0, 2, 3, 1];

const decode = (s?: string) => (s ? Buffer.from(s, "base64").toString("utf8") : "");
const ints = (a?: TfAttr) => (a?.list?.i ?? []).map(Number);

export function convertTfjsGraph(graph: TfGraph, docString: string): Uint8Array {
  const g = createGraphBuilder();
  const values = new Map<string, Value>();
  const byName = new Map(graph.nodes.map((n) => [n.name, n]));
  const inputName = "input";

  const resolve = (ref: string): Value => {
    const key = ref.replace(/:0$/, "");
    const v = values.get(key);
    if (v) return v;
    const node = byName.get(key);
    if (!node) throw new Error(`unknown tensor ${ref}`);
    convertNode(node);
    return values.get(key)!;
  };

  const weight = (ref: string): Weight => {
    const w = graph.weights.get(ref.replace(/:0$/, ""));
    if (!w) throw new Error(`missing weight ${ref}`);
    return w;
  };

  function convertNode(node: TfNode): void {
    const ins = (node.input ?? []).filter((i) => !i.startsWith("^"));
    const set = (v: Value) => values.set(node.name, v);
    switch (node.op) {
      case "Placeholder": {
        const t = g.node("Transpose", [inputName], { perm: NHWC_TO_NCHW });
        return void set({ name: t, rank: 4, nchw: true });
      }
      case "Const": {
        const w = weight(node.name);
        return void set({ name: g.constant("const", w.shape, w.data), rank: w.shape.length, nchw: false });
      }
      case "Identity":
        return void set(resolve(ins[0]));
      case "_FusedConv2D":
      case "Conv2D":
      case "DepthwiseConv2dNative":
        return void set(convertConv(g, node, resolve(ins[0]), ins.slice(1).map(weight)));
      case "MaxPool":
      case "AvgPool": {
        const x = asNchw(g, resolve(ins[0]));
        const k = ints(node.attr?.ksize);
        const s = ints(node.attr?.strides);
        const out = g.node(node.op === "MaxPool" ? "MaxPool" : "AveragePool", [x.name], {
          kernel_shape: [k[1], k[2]],
          strides: [s[1], s[2]],
          auto_pad: decode(node.attr?.padding?.s) === "SAME" ? "SAME_UPPER" : "VALID",
        });
        return void set({ name: out, rank: 4, nchw: true });
      }
      case "Pad": {
        const x = resolve(ins[0]);
        const p = Array.from(weight(ins[1]).data);
        const pairs = [0, 1, 2, 3].map((d) => [p[2 * d], p[2 * d + 1]]);
        const order = x.nchw ? NHWC_TO_NCHW : [0, 1, 2, 3];
        const pads = [...order.map((d) => pairs[d][0]), ...order.map((d) => pairs[d][1])];
        return void set({ ...x, name: g.node("Pad", [x.name, g.int64s("pads", pads)]) });
      }
      case "Relu":
      case "Sigmoid": {
        const x = resolve(ins[0]);
        return void set({ ...x, name: g.node(node.op, [x.name]) });
      }
      case "Softmax": {
        const x = asNhwc(g, resolve(ins[0]));
        return void set({ ...x, name: g.node("Softmax", [x.name], { axis: -1 }) });
      }
      case "Prelu": {
        const x = resolve(ins[0]);
        return void set({ ...x, name: prelu(g, x.name, channelConst(g, weight(ins[1]), x), weight(ins[1]).data) });
      }
      case "AddV2":
      case "Add":
      case "Mul":
      case "Sub":
        return void set(convertBinary(g, node.op, ins.map((i) => (graph.weights.has(i) ? weight(i) : resolve(i)))));
      case "Reshape": {
        const x = asNhwc(g, resolve(ins[0]));
        const shape = Array.from(weight(ins[1]).data);
        return void set({ name: g.node("Reshape", [x.name, g.int64s("shape", shape)]), rank: shape.length, nchw: false });
      }
      case "_FusedMatMul":
      case "MatMul":
        return void set(convertMatMul(g, node, asNhwc(g, resolve(ins[0])), ins.slice(1).map(weight)));
      default:
        throw new Error(`unsupported TF op ${node.op} (${node.name})`);
    }
  }

  const outputs = graph.outputs.map(({ tfName, name }) => {
    const v = asNhwc(g, resolve(tfName));
    g.node("Identity", [v.name], {}, name);
    return { name };
  });
  return g.build({ inputs: [{ name: inputName, shape: ["batch", ...graph.inputShape.slice(1)] }], outputs, docString });
}

function asNchw(g: GraphBuilder, v: Value): Value {
  if (v.rank !== 4 || v.nchw) return v;
  return { name: g.node("Transpose", [v.name], { perm: NHWC_TO_NCHW }), rank: 4, nchw: true };
}

function asNhwc(g: GraphBuilder, v: Value): Value {
  if (!v.nchw) return v;
  return { name: g.node("Transpose", [v.name], { perm: NCHW_TO_NHWC }), rank: 4, nchw: false };
}

// A per-channel constant (bias, PReLU slope, folded batch-norm) broadcast over an NCHW tensor.
function channelConst(g: GraphBuilder, w: Weight, x: Value): string {
  const size = w.data.length;
  const dims = x.nchw && size > 1 ? [size, 1, 1] : w.shape;
  return g.constant("channel", dims, w.data);
}

function convertBinary(g: GraphBuilder, op: string, operands: (Value | Weight)[]): Value {
  const onnxOp = op === "Mul" ? "Mul" : op === "Sub" ? "Sub" : "Add";
  const tensor = operands.find((o): o is Value => "name" in o);
  if (!tensor) throw new Error(`${op} on two constants is not supported`);
  const names = operands.map((o) => ("name" in o ? asLayout(g, o, tensor) : channelConst(g, o, tensor)));
  return { ...tensor, name: g.node(onnxOp, names) };
}

function asLayout(g: GraphBuilder, v: Value, like: Value): string {
  return (like.nchw ? asNchw(g, v) : asNhwc(g, v)).name;
}

function convertConv(g: GraphBuilder, node: TfNode, xIn: Value, args: Weight[]): Value {
  const x = asNchw(g, xIn);
  const [filter, bias, alpha] = args;
  const [kh, kw, cin, cout] = filter.shape;
  const depthwise = node.op === "DepthwiseConv2dNative";
  // TF filters are HWIO (depthwise: H W C multiplier); ONNX wants OIHW with group=C for depthwise.
  const outChannels = depthwise ? cin * cout : cout;
  const inPerGroup = depthwise ? 1 : cin;
  const w = new Float32Array(outChannels * inPerGroup * kh * kw);
  for (let y = 0; y < kh; y++)
    for (let xx = 0; xx < kw; xx++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++) {
          const src = filter.data[((y * kw + xx) * cin + i) * cout + o];
          const oc = depthwise ? i * cout + o : o;
          const ic = depthwise ? 0 : i;
          w[((oc * inPerGroup + ic) * kh + y) * kw + xx] = src;
        }
  const s = ints(node.attr?.strides);
  const d = ints(node.attr?.dilations);
  const padding = decode(node.attr?.padding?.s);
  const attrs: Record<string, number | number[] | string> = {
    kernel_shape: [kh, kw],
    strides: [s[1] ?? 1, s[2] ?? 1],
    dilations: [d[1] ?? 1, d[2] ?? 1],
    group: depthwise ? cin : 1,
  };
  if (padding === "SAME") attrs.auto_pad = "SAME_UPPER";
  else if (padding === "EXPLICIT") {
    const p = ints(node.attr?.explicit_paddings);
    attrs.pads = [p[2], p[4], p[3], p[5]];
  } else attrs.auto_pad = "VALID";
  const inputs = [x.name, g.constant("w", [outChannels, inPerGroup, kh, kw], w)];
  const fused = (node.attr?.fused_ops?.list?.s ?? []).map(decode);
  if (bias && fused.includes("BiasAdd")) inputs.push(g.constant("b", [outChannels], Float32Array.from(bias.data)));
  let out = g.node("Conv", inputs, attrs);
  out = applyActivation(g, fused, out, alpha, outChannels);
  return { name: out, rank: 4, nchw: true };
}

// PRelu with per-channel slopes a, written with ops onnxruntime runs as vectorised spans: its PRelu
// kernel broadcasts the slopes element by element and stays outside the blocked (NCHWc) layout, so
// in FaceMesh the PRelus cost more than the convolutions (2.9 of 5.4 ms a run; 2.1 ms in all after).
// Both forms give PRelu's values exactly: max(x, a*x) picks x or a*x when every a <= 1, and in
// relu(x) + a*min(x, 0) one of the two terms is zero.
export function prelu(g: GraphBuilder, x: string, alpha: string, slopes: ArrayLike<number>): string {
  if (Array.from(slopes).every((a) => a <= 1)) return g.node("Max", [x, g.node("Mul", [x, alpha])]);
  const negative = g.node("Min", [x, g.constant("zero", [], new Float32Array([0]))]);
  return g.node("Add", [g.node("Relu", [x]), g.node("Mul", [negative, alpha])]);
}

function applyActivation(g: GraphBuilder, fused: string[], x: string, alpha: Weight | undefined, channels: number): string {
  if (fused.includes("Relu")) return g.node("Relu", [x]);
  if (fused.includes("Relu6")) return g.node("Clip", [x, g.constant("lo", [], new Float32Array([0])), g.constant("hi", [], new Float32Array([6]))]);
  if (fused.includes("Prelu") && alpha) return prelu(g, x, g.constant("alpha", [channels, 1, 1], Float32Array.from(alpha.data)), alpha.data);
  if (fused.includes("Sigmoid")) return g.node("Sigmoid", [x]);
  return x;
}

function convertMatMul(g: GraphBuilder, node: TfNode, x: Value, args: Weight[]): Value {
  const [b, bias] = args;
  const fused = (node.attr?.fused_ops?.list?.s ?? []).map(decode);
  const inputs = [x.name, g.constant("w", b.shape, Float32Array.from(b.data))];
  if (bias && fused.includes("BiasAdd")) inputs.push(g.constant("b", [bias.data.length], Float32Array.from(bias.data)));
  const transB = node.attr?.transpose_b?.b ? 1 : 0;
  const out = g.node("Gemm", inputs, { transB });
  return { name: applyActivation(g, fused, out, undefined, 0), rank: 2, nchw: false };
}
