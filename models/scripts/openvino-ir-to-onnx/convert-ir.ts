import { prelu } from "../tfjs-graph-to-onnx/convert-graph";
import { createGraphBuilder } from "../tfjs-graph-to-onnx/onnx-builder";
import type { IrConstant, IrLayer, IrModel } from "./read-ir";

export type ConvertIrOptions = {
  docString: string;
  /** also expose these layers' outputs as graph outputs, under the layer's name (layer-by-layer tests) */
  extraOutputs?: string[];
};

const BINARY: Record<string, string> = { Add: "Add", Multiply: "Mul", Subtract: "Sub", Divide: "Div" };
const UNARY: Record<string, string> = { Sigmoid: "Sigmoid", ReLU: "Relu", Tanh: "Tanh", Exp: "Exp" };

// An OpenVINO IR as an ONNX graph, layer for layer: input "input" [batch, ...] (the Parameter's
// dims with the batch left free), output "embedding", the Result flattened to [batch, features].
// Constants: f16 values expanded to f32 exactly; a Const that feeds only a Convert to f32 (how the
// IR stores compressed weights) becomes one f32 initializer. Only the dims of some constants change,
// never their values: GroupConvolution weights [G, O/G, I/G, kh, kw] -> ONNX's [O, I/G, kh, kw],
// per-channel PReLU slopes [C] -> [C, 1, 1] (OpenVINO broadcasts them over axis 1, ONNX from the right).
export function convertIr(ir: IrModel, options: ConvertIrOptions): Uint8Array {
  const g = createGraphBuilder();
  const byId = new Map(ir.layers.map((l) => [l.id, l]));
  const inputPortOrder = (l: IrLayer) => ir.edges.filter((e) => e.toLayer === l.id).sort((a, b) => a.toPort - b.toPort).map((e) => ({ layer: e.fromLayer, port: e.fromPort }));
  const values = new Map<string, string>();
  const consts = new Map<number, { name: string; c: IrConstant }>();
  const key = (layer: number, port: number) => `${layer}:${port}`;
  const parameter = ir.layers.filter((l) => l.type === "Parameter");
  const result = ir.layers.filter((l) => l.type === "Result");
  if (parameter.length !== 1 || result.length !== 1) throw new Error("only models with one input and one output are supported");
  const constOf = (p: { layer: number }) => consts.get(p.layer);
  const initializer = (p: { layer: number }, dims?: number[]) => {
    const k = constOf(p)!;
    return g.constant(k.name, dims ?? k.c.shape, k.c.data);
  };
  const valueOf = (p: { layer: number; port: number }) => {
    const v = values.get(key(p.layer, p.port));
    if (v) return v;
    if (constOf(p)) return initializer(p);
    throw new Error(`layer ${byId.get(p.layer)?.name} port ${p.port} has no value (graph not in topological order?)`);
  };
  for (const l of topologicalOrder(ir)) {
    const ins = inputPortOrder(l);
    const out = (name: string) => void values.set(key(l.id, l.outputs[0].id), name);
    const a = l.data;
    switch (l.type) {
      case "Parameter":
        out("input");
        continue;
      case "Const":
        consts.set(l.id, { name: l.name, c: ir.constants.get(l.id)! });
        continue;
      case "Convert": {
        const source = constOf(ins[0]);
        if (!source || a.destination_type !== "f32") throw new Error(`${l.name}: only a Convert of a constant to f32 is supported`);
        consts.set(l.id, { name: l.name, c: { ...source.c, elementType: "f32" } });
        continue;
      }
      case "Convolution":
      case "GroupConvolution": {
        const w = constOf(ins[1]);
        if (!w) throw new Error(`${l.name}: weights must be constant`);
        const s = w.c.shape;
        const grouped = l.type === "GroupConvolution";
        const dims = grouped ? [s[0] * s[1], ...s.slice(2)] : s;
        const attrs = {
          kernel_shape: dims.slice(2),
          strides: csv(a.strides),
          dilations: csv(a.dilations),
          group: grouped ? s[0] : 1,
          ...(a.auto_pad === "explicit" || !a.auto_pad ? { pads: [...csv(a.pads_begin), ...csv(a.pads_end)] } : { auto_pad: a.auto_pad.toUpperCase() }),
        };
        out(g.node("Conv", [valueOf(ins[0]), initializer(ins[1], dims)], attrs, l.name));
        continue;
      }
      case "PReLU": {
        const slope = constOf(ins[1]);
        if (!slope) throw new Error(`${l.name}: slopes must be constant`);
        const n = slope.c.data.length;
        // One slope for every channel (all of face-reid-0095's) is LeakyRelu, value for value, and
        // onnxruntime fuses LeakyRelu into the Conv before it (3x faster than PRelu as Max/Min+Mul
        // here, which also kept the convolutions from staying in the blocked layout between them).
        if (n === 1) {
          out(g.node("LeakyRelu", [valueOf(ins[0])], { alpha: Float32Array.from(slope.c.data as Float32Array) }, l.name));
          continue;
        }
        const alpha = initializer(ins[1], n > 1 ? [n, ...Array(l.inputs[0].dims.length - 2).fill(1)] : slope.c.shape);
        out(g.node("Identity", [prelu(g, valueOf(ins[0]), alpha, slope.c.data as Float32Array)], {}, l.name));
        continue;
      }
      case "AvgPool":
      case "MaxPool": {
        const attrs = { kernel_shape: csv(a.kernel), strides: csv(a.strides), pads: [...csv(a.pads_begin), ...csv(a.pads_end)], ceil_mode: a.rounding_type === "ceil" ? 1 : 0 };
        if (l.type === "MaxPool") out(g.node("MaxPool", [valueOf(ins[0])], attrs, l.name));
        else out(g.node("AveragePool", [valueOf(ins[0])], { ...attrs, count_include_pad: a["exclude-pad"] === "true" ? 0 : 1 }, l.name));
        continue;
      }
      case "Result":
        g.node("Flatten", [valueOf(ins[0])], { axis: 1 }, "embedding");
        continue;
    }
    if (BINARY[l.type] && (a.auto_broadcast ?? "numpy") === "numpy") out(g.node(BINARY[l.type], ins.map(valueOf), {}, l.name));
    else if (UNARY[l.type]) out(g.node(UNARY[l.type], [valueOf(ins[0])], {}, l.name));
    else throw new Error(`IR layer type ${l.type} (${l.name}) is not supported`);
  }
  const inDims = parameter[0].outputs[0].dims;
  const outDims = result[0].inputs[0].dims;
  const extra = (options.extraOutputs ?? []).map((name) => {
    const l = ir.layers.find((x) => x.name === name);
    if (!l || !values.has(key(l.id, l.outputs[0]?.id))) throw new Error(`${name} is not a value of the converted graph`);
    return { name: values.get(key(l.id, l.outputs[0].id))!, shape: ["batch", ...l.outputs[0].dims.slice(1)] };
  });
  return g.build({
    inputs: [{ name: "input", shape: ["batch", ...inDims.slice(1)] }],
    outputs: [{ name: "embedding", shape: ["batch", outDims.slice(1).reduce((x, y) => x * y, 1)] }, ...extra],
    docString: options.docString,
  });
}

const csv = (s: string | undefined) => (s ?? "").split(",").filter((x) => x.trim() !== "").map((x) => Number(x.trim()));

// The IR lists layers by id, which writers keep topological, but edges are the ground truth.
function topologicalOrder(ir: IrModel): IrLayer[] {
  const pending = new Map(ir.layers.map((l) => [l.id, 0]));
  const next = new Map<number, number[]>();
  for (const e of ir.edges) {
    pending.set(e.toLayer, (pending.get(e.toLayer) ?? 0) + 1);
    next.set(e.fromLayer, [...(next.get(e.fromLayer) ?? []), e.toLayer]);
  }
  const byId = new Map(ir.layers.map((l) => [l.id, l]));
  const ready = ir.layers.filter((l) => pending.get(l.id) === 0).map((l) => l.id);
  const order: IrLayer[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    order.push(byId.get(id)!);
    for (const n of next.get(id) ?? []) {
      pending.set(n, pending.get(n)! - 1);
      if (pending.get(n) === 0) ready.push(n);
    }
  }
  if (order.length !== ir.layers.length) throw new Error("IR graph has a cycle");
  return order;
}
