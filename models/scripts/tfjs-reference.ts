import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";

// Test-only helpers that run the original TensorFlow.js models (pure-JS CPU backend) so the
// converted ONNX files can be checked against them. TF.js decodes the weights itself here, so
// the reference does not share the converter's dequantisation code.

type Manifest = { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];

function readWeights(dir: string, manifest: Manifest) {
  const weightSpecs = manifest.flatMap((g) => g.weights);
  const buffer = Buffer.concat(manifest.flatMap((g) => g.paths.map((p) => readFileSync(join(dir, p)))));
  const weightData = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
  return { weightSpecs, weightData };
}

export async function loadTfjsGraphModel(modelJsonPath: string): Promise<tf.GraphModel> {
  await tf.setBackend("cpu");
  const json = JSON.parse(readFileSync(modelJsonPath, "utf8"));
  const handler: tf.io.IOHandler = {
    load: async () => ({
      modelTopology: json.modelTopology,
      format: json.format,
      generatedBy: json.generatedBy,
      convertedBy: json.convertedBy,
      signature: json.signature,
      userDefinedMetadata: json.userDefinedMetadata,
      ...readWeights(dirname(modelJsonPath), json.weightsManifest),
    }),
  };
  return tf.loadGraphModel(handler);
}

export function loadTfjsWeightMap(manifestPath: string): tf.NamedTensorMap {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const { weightSpecs, weightData } = readWeights(dirname(manifestPath), manifest);
  return tf.io.decodeWeights(weightData, weightSpecs);
}

// face-api's FaceRecognitionNet.forwardInput, op for op, on an already normalised NHWC batch.
export function runFaceApiRecogniser(weights: tf.NamedTensorMap, input: tf.Tensor4D): tf.Tensor2D {
  return tf.tidy(() => {
    const layer = (x: tf.Tensor4D, p: string, stride: 1 | 2, relu: boolean) => {
      let out = tf.conv2d(x, weights[`${p}/conv/filters`] as tf.Tensor4D, stride, stride === 2 ? "valid" : "same");
      out = tf.add(out, weights[`${p}/conv/bias`]);
      out = tf.add(tf.mul(out, weights[`${p}/scale/weights`]), weights[`${p}/scale/biases`]);
      return relu ? tf.relu(out) : out;
    };
    const residual = (x: tf.Tensor4D, p: string) => tf.relu(tf.add(layer(layer(x, `${p}/conv1`, 1, true), `${p}/conv2`, 1, false), x)) as tf.Tensor4D;
    const residualDown = (x: tf.Tensor4D, p: string) => {
      let out = layer(layer(x, `${p}/conv1`, 2, true), `${p}/conv2`, 1, false);
      let pooled = tf.avgPool(x, 2, 2, "valid") as tf.Tensor4D;
      if (pooled.shape[1] !== out.shape[1]) {
        out = tf.concat([out, tf.zeros([out.shape[0], 1, out.shape[2], out.shape[3]])], 1);
        out = tf.concat([out, tf.zeros([out.shape[0], out.shape[1], 1, out.shape[3]])], 2);
      }
      if (pooled.shape[3] !== out.shape[3]) pooled = tf.concat([pooled, tf.zeros(pooled.shape)], 3);
      return tf.relu(tf.add(pooled, out)) as tf.Tensor4D;
    };
    let out = tf.maxPool(layer(input, "conv32_down", 2, true), 3, 2, "valid");
    for (const p of ["conv32_1", "conv32_2", "conv32_3"]) out = residual(out, p);
    out = residualDown(out, "conv64_down");
    for (const p of ["conv64_1", "conv64_2", "conv64_3"]) out = residual(out, p);
    out = residualDown(out, "conv128_down");
    for (const p of ["conv128_1", "conv128_2"]) out = residual(out, p);
    out = residualDown(out, "conv256_down");
    for (const p of ["conv256_1", "conv256_2"]) out = residual(out, p);
    out = residualDown(out, "conv256_down_out");
    return tf.matMul(tf.mean(out, [1, 2]) as tf.Tensor2D, weights.fc as tf.Tensor2D);
  });
}

// Deterministic input with image-like statistics (smooth gradients plus noise), no RNG state.
export function fixedInput(shape: number[], lo: number, hi: number, seed = 1): Float32Array {
  const n = shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const smooth = 0.5 + 0.4 * Math.sin(i / 97) * Math.cos(i / 1531);
    out[i] = lo + (hi - lo) * (0.8 * smooth + 0.2 * (s / 2 ** 32));
  }
  return out;
}
