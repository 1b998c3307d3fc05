import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { createGraphBuilder, type GraphBuilder } from "./tfjs-graph-to-onnx/onnx-builder";
import { readTfjsWeights, type Weight } from "./tfjs-graph-to-onnx/read-tfjs-weights";

export const DLIB_INPUT_SIZE = 150;

// face-api ships dlib's ResNet-34 face recogniser as weights only (the network is defined in its
// source, FaceRecognitionNet.ts). This rebuilds that network as an ONNX graph. Input: NCHW float
// [N,3,150,150] already normalised as (rgb - mean) / 256; output: the raw 128-d descriptor.
export function buildDlibRecogniser(manifestPath: string): Uint8Array {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  const weights = readTfjsWeights(dirname(manifestPath), manifest);
  const w = (name: string): Weight => {
    const v = weights.get(name);
    if (!v) throw new Error(`face recogniser weight ${name} missing`);
    return v;
  };
  const g = createGraphBuilder();
  let size = DLIB_INPUT_SIZE;
  let x = conv(g, w, "conv32_down", "input", { stride: 2, relu: true });
  size = (size - 7) / 2 + 1;
  x = g.node("MaxPool", [x], { kernel_shape: [3, 3], strides: [2, 2] });
  size = Math.floor((size - 3) / 2) + 1;
  for (const block of ["conv32_1", "conv32_2", "conv32_3"]) x = residual(g, w, block, x);
  const stages: [string, string[], number][] = [
    ["conv64_down", ["conv64_1", "conv64_2", "conv64_3"], 32],
    ["conv128_down", ["conv128_1", "conv128_2"], 64],
    ["conv256_down", ["conv256_1", "conv256_2"], 128],
    ["conv256_down_out", [], 256],
  ];
  for (const [down, blocks, channelsIn] of stages) {
    const result = residualDown(g, w, down, x, size, channelsIn);
    x = result.name;
    size = result.size;
    for (const block of blocks) x = residual(g, w, block, x);
  }
  const pooled = g.node("ReduceMean", [x], { axes: [2, 3], keepdims: 0 });
  const fc = w("fc");
  g.node("MatMul", [pooled, g.constant("fc", fc.shape, Float32Array.from(fc.data))], {}, "descriptor");
  return g.build({
    inputs: [{ name: "input", shape: ["batch", 3, DLIB_INPUT_SIZE, DLIB_INPUT_SIZE] }],
    outputs: [{ name: "descriptor", shape: ["batch", 128] }],
    docString: "dlib_face_recognition_resnet_model_v1 rebuilt from @vladmandic/face-api weights",
  });
}

type ConvOptions = { stride: number; relu: boolean };

// conv -> bias -> per-channel scale layer (dlib's affine, i.e. frozen batch-norm), folded into one Conv.
function conv(g: GraphBuilder, w: (n: string) => Weight, prefix: string, input: string, { stride, relu }: ConvOptions): string {
  const filters = w(`${prefix}/conv/filters`);
  const bias = w(`${prefix}/conv/bias`).data;
  const scale = w(`${prefix}/scale/weights`).data;
  const shift = w(`${prefix}/scale/biases`).data;
  const [kh, kw, cin, cout] = filters.shape;
  const kernel = new Float32Array(cout * cin * kh * kw);
  for (let y = 0; y < kh; y++)
    for (let x = 0; x < kw; x++)
      for (let i = 0; i < cin; i++)
        for (let o = 0; o < cout; o++)
          kernel[((o * cin + i) * kh + y) * kw + x] = filters.data[((y * kw + x) * cin + i) * cout + o] * scale[o];
  const folded = Float32Array.from(bias, (b, o) => b * scale[o] + shift[o]);
  const out = g.node("Conv", [input, g.constant("w", [cout, cin, kh, kw], kernel), g.constant("b", [cout], folded)], {
    kernel_shape: [kh, kw],
    strides: [stride, stride],
    // stride-2 convs are 'valid' in face-api; stride-1 3x3 convs are 'same'.
    pads: stride === 1 ? [1, 1, 1, 1] : [0, 0, 0, 0],
  });
  return relu ? g.node("Relu", [out]) : out;
}

function residual(g: GraphBuilder, w: (n: string) => Weight, prefix: string, x: string): string {
  const a = conv(g, w, `${prefix}/conv1`, x, { stride: 1, relu: true });
  const b = conv(g, w, `${prefix}/conv2`, a, { stride: 1, relu: false });
  return g.node("Relu", [g.node("Add", [b, x])]);
}

// dlib adds tensors of different sizes by zero-padding the smaller one (spatially at the end,
// channels after the existing ones); face-api reproduces that and so do we, with static shapes.
function residualDown(g: GraphBuilder, w: (n: string) => Weight, prefix: string, x: string, size: number, channelsIn: number) {
  const a = conv(g, w, `${prefix}/conv1`, x, { stride: 2, relu: true });
  let b = conv(g, w, `${prefix}/conv2`, a, { stride: 1, relu: false });
  const convSize = Math.floor((size - 3) / 2) + 1;
  const poolSize = Math.floor(size / 2);
  let pooled = g.node("AveragePool", [x], { kernel_shape: [2, 2], strides: [2, 2] });
  const outSize = Math.max(convSize, poolSize);
  if (convSize < outSize) b = g.node("Pad", [b, g.int64s("pads", [0, 0, 0, 0, 0, 0, outSize - convSize, outSize - convSize])]);
  if (poolSize < outSize) pooled = g.node("Pad", [pooled, g.int64s("pads", [0, 0, 0, 0, 0, 0, outSize - poolSize, outSize - poolSize])]);
  const channelsOut = w(`${prefix}/conv2/conv/filters`).shape[3];
  if (channelsOut > channelsIn) pooled = g.node("Pad", [pooled, g.int64s("pads", [0, 0, 0, 0, 0, channelsOut - channelsIn, 0, 0])]);
  return { name: g.node("Relu", [g.node("Add", [pooled, b])]), size: outSize };
}
