import { readFileSync } from "node:fs";
import type { NDArray } from "./read-mxnet-params";

export type SymbolNode = { op: string; name: string; attrs: Record<string, string>; inputs: number[] };
export type MxnetSymbol = { nodes: SymbolNode[]; heads: number[] };

// The `-symbol.json` of an MXNet checkpoint: nodes in topological order, each input an
// [node, output, version] triple. Older MXNet wrote the attributes under "attr" or "param".
export function readMxnetSymbol(path: string): MxnetSymbol {
  const json = JSON.parse(readFileSync(path, "utf8")) as {
    nodes: { op: string; name: string; attrs?: Record<string, string>; attr?: Record<string, string>; param?: Record<string, string>; inputs: number[][] }[];
    heads: number[][];
  };
  const nodes = json.nodes.map((n) => {
    for (const [node, output] of n.inputs) if (output !== 0) throw new Error(`${n.name}: reads output ${output} of ${json.nodes[node].name}; only single-output ops are supported`);
    return { op: n.op, name: n.name, attrs: n.attrs ?? n.attr ?? n.param ?? {}, inputs: n.inputs.map(([node]) => node) };
  });
  return { nodes, heads: json.heads.map(([node]) => node) };
}

/** "(3, 3)" -> [3, 3]; "2" -> [2] */
export function tupleAttr(attrs: Record<string, string>, key: string, fallback: number[]): number[] {
  const v = attrs[key];
  if (v === undefined || v === "()" || v === "None") return fallback;
  return v.replace(/[()[\]\s]/g, "").split(",").filter(Boolean).map(Number);
}

export function numberAttr(attrs: Record<string, string>, key: string, fallback: number): number {
  return attrs[key] === undefined ? fallback : Number(attrs[key]);
}

export function boolAttr(attrs: Record<string, string>, key: string, fallback: boolean): boolean {
  const v = attrs[key];
  return v === undefined ? fallback : v === "True" || v === "true" || v === "1";
}

const outSize = (size: number, k: number, s: number, p: number, d = 1, ceil = false) => (ceil ? Math.ceil : Math.floor)((size + 2 * p - d * (k - 1) - 1) / s) + 1;

/**
 * Output shape of every node for the given input shape, following MXNet's own shape rules, and
 * a check that every parameter array has the shape its operator implies (a wrong layout guess or
 * a params file from another symbol fails here, before any ONNX is written).
 */
export function inferShapes(symbol: MxnetSymbol, params: Map<string, NDArray>, inputShape: number[]): number[][] {
  const shapes: number[][] = [];
  const expectParam = (node: number, expected: number[]) => {
    const { name } = symbol.nodes[node];
    const got = params.get(name)?.shape;
    if (!got) throw new Error(`parameter ${name} is missing from the params file`);
    if (got.join() !== expected.join()) throw new Error(`parameter ${name} is [${got}], the symbol implies [${expected}]`);
  };
  symbol.nodes.forEach((n, i) => {
    const x = n.inputs.length ? shapes[n.inputs[0]] : [];
    const a = n.attrs;
    switch (n.op) {
      case "null":
        shapes[i] = params.has(n.name) ? params.get(n.name)!.shape : inputShape;
        return;
      case "Convolution": {
        const k = tupleAttr(a, "kernel", []), s = tupleAttr(a, "stride", [1, 1]), p = tupleAttr(a, "pad", [0, 0]), d = tupleAttr(a, "dilate", [1, 1]);
        const filters = numberAttr(a, "num_filter", 0), groups = numberAttr(a, "num_group", 1);
        expectParam(n.inputs[1], [filters, x[1] / groups, ...k]);
        if (!boolAttr(a, "no_bias", false)) expectParam(n.inputs[2], [filters]);
        shapes[i] = [x[0], filters, outSize(x[2], k[0], s[0], p[0], d[0]), outSize(x[3], k[1], s[1], p[1], d[1])];
        return;
      }
      case "BatchNorm":
        for (const input of n.inputs.slice(1)) expectParam(input, [x[numberAttr(a, "axis", 1)]]);
        shapes[i] = x;
        return;
      case "FullyConnected": {
        const hidden = numberAttr(a, "num_hidden", 0);
        const flat = boolAttr(a, "flatten", true) ? x.slice(1).reduce((p, q) => p * q, 1) : x[x.length - 1];
        expectParam(n.inputs[1], [hidden, flat]);
        if (!boolAttr(a, "no_bias", false)) expectParam(n.inputs[2], [hidden]);
        shapes[i] = boolAttr(a, "flatten", true) ? [x[0], hidden] : [...x.slice(0, -1), hidden];
        return;
      }
      case "Pooling": {
        if (boolAttr(a, "global_pool", false)) { shapes[i] = [x[0], x[1], 1, 1]; return; }
        const k = tupleAttr(a, "kernel", []), s = tupleAttr(a, "stride", [1, 1]), p = tupleAttr(a, "pad", [0, 0]);
        const ceil = a.pooling_convention === "full";
        shapes[i] = [x[0], x[1], outSize(x[2], k[0], s[0], p[0], 1, ceil), outSize(x[3], k[1], s[1], p[1], 1, ceil)];
        return;
      }
      case "LeakyReLU":
        if ((a.act_type ?? "leaky") === "prelu") expectParam(n.inputs[1], [x[1]]);
        shapes[i] = x;
        return;
      case "Flatten":
        shapes[i] = [x[0], x.slice(1).reduce((p, q) => p * q, 1)];
        return;
      case "elemwise_add":
      case "_Plus":
      case "_plus":
        if (shapes[n.inputs[1]].join() !== x.join()) throw new Error(`${n.name}: adds [${x}] and [${shapes[n.inputs[1]]}]`);
        shapes[i] = x;
        return;
      case "Activation":
      case "Dropout":
      case "_minus_scalar":
      case "_plus_scalar":
      case "_mul_scalar":
      case "_div_scalar":
      case "_maximum_scalar":
      case "_minimum_scalar":
        shapes[i] = x;
        return;
      default:
        throw new Error(`MXNet op ${n.op} (${n.name}) is not supported`);
    }
  });
  return shapes;
}
