import { readFileSync } from "node:fs";
import { join } from "node:path";

export type WeightSpec = {
  name: string;
  shape: number[];
  dtype: "float32" | "int32";
  quantization?: { dtype: "float16" | "uint8" | "uint16"; scale?: number; min?: number };
};
export type WeightsManifest = { paths: string[]; weights: WeightSpec[] }[];
export type Weight = { shape: number[]; data: Float32Array | Int32Array };

// Decodes a TensorFlow.js weights manifest (shared by graph models and face-api's weights-only
// models) into plain fp32/int32 arrays; quantised weights are expanded so ONNX sees exact fp32 values.
export function readTfjsWeights(dir: string, manifest: WeightsManifest): Map<string, Weight> {
  const out = new Map<string, Weight>();
  for (const group of manifest) {
    const buffer = Buffer.concat(group.paths.map((p) => readFileSync(join(dir, p))));
    let offset = 0;
    for (const spec of group.weights) {
      const count = spec.shape.reduce((a, b) => a * b, 1);
      const q = spec.quantization;
      const bytesPerValue = q ? (q.dtype === "uint8" ? 1 : 2) : 4;
      const bytes = buffer.subarray(offset, offset + count * bytesPerValue);
      offset += count * bytesPerValue;
      out.set(spec.name, { shape: spec.shape, data: decodeValues(spec, bytes, count) });
    }
  }
  return out;
}

function decodeValues(spec: WeightSpec, bytes: Buffer, count: number): Float32Array | Int32Array {
  const aligned = new Uint8Array(bytes).buffer; // copy: the source offset is not always 4-byte aligned
  const q = spec.quantization;
  if (!q) return spec.dtype === "int32" ? new Int32Array(aligned, 0, count) : new Float32Array(aligned, 0, count);
  if (q.dtype === "float16") return Float32Array.from(new Uint16Array(aligned, 0, count), halfToFloat);
  const raw = q.dtype === "uint8" ? new Uint8Array(aligned, 0, count) : new Uint16Array(aligned, 0, count);
  const scale = q.scale ?? 1;
  const min = q.min ?? 0;
  const values = Float32Array.from(raw, (v) => v * scale + min);
  return spec.dtype === "int32" ? Int32Array.from(values, Math.round) : values;
}

export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}
