import { readFileSync } from "node:fs";

export type NDArray = { shape: number[]; data: Float32Array };

// MXNet's NDArray list (mx.nd.save / the `-0000.params` of a checkpoint), little-endian:
//   u64 0x112, u64 reserved, u64 count, `count` arrays, u64 count, `count` names (u64 length + bytes).
// Each array: u32 magic, then for V2/V3 an i32 storage type (0 = dense), u32 ndim, i64 dims
// (u32 dims in V1), i32 device type + i32 device id, i32 dtype, raw data. Only dense float32 is
// accepted: that is all a trained checkpoint holds, and anything else is refused rather than guessed.
const LIST_MAGIC = 0x112n;
const V1 = 0xf993fac8, V2 = 0xf993fac9, V3 = 0xf993faca;

export function readMxnetParams(path: string): Map<string, NDArray> {
  const buf = readFileSync(path);
  let at = 0;
  const u64 = () => { const v = buf.readBigUInt64LE(at); at += 8; return v; };
  const u32 = () => { const v = buf.readUInt32LE(at); at += 4; return v; };
  const i32 = () => { const v = buf.readInt32LE(at); at += 4; return v; };
  if (u64() !== LIST_MAGIC) throw new Error(`${path}: not an MXNet NDArray list`);
  u64();
  const count = Number(u64());
  const arrays: NDArray[] = [];
  for (let k = 0; k < count; k++) {
    const magic = u32();
    if (magic !== V1 && magic !== V2 && magic !== V3) throw new Error(`${path}: array ${k} has unknown magic 0x${magic.toString(16)}`);
    if (magic !== V1 && i32() !== 0) throw new Error(`${path}: array ${k} is sparse; only dense arrays are supported`);
    const ndim = u32();
    const shape = Array.from({ length: ndim }, () => (magic === V1 ? u32() : Number(u64())));
    i32(); // device type: where it lived when saved, irrelevant here
    i32(); // device id
    const dtype = i32();
    if (dtype !== 0) throw new Error(`${path}: array ${k} has dtype ${dtype}; only float32 (0) is supported`);
    const size = shape.reduce((a, b) => a * b, 1);
    // copy: the file buffer need not be 4-byte aligned at this offset
    const data = new Float32Array(size);
    new Uint8Array(data.buffer).set(buf.subarray(at, at + size * 4));
    at += size * 4;
    arrays.push({ shape, data });
  }
  const names = Number(u64());
  if (names !== count) throw new Error(`${path}: ${count} arrays but ${names} names`);
  const out = new Map<string, NDArray>();
  for (let k = 0; k < count; k++) {
    const length = Number(u64());
    const name = buf.toString("utf8", at, at + length);
    at += length;
    // "arg:conv1_weight" (learned) or "aux:bn1_moving_mean" (running statistics)
    out.set(name.replace(/^(arg|aux):/, ""), arrays[k]);
  }
  if (at !== buf.length) throw new Error(`${path}: ${buf.length - at} trailing bytes`);
  return out;
}
