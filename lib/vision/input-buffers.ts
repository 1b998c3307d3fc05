// Model input arrays. An inference worker runs one job at a time, so it keeps one array per call
// site and size and writes each crop into it again: 1-2 MB of fresh arrays per image otherwise,
// which the worker's allocator holds on to (peak RSS +200 MB under load, measured). On the event
// loop (no workers) runs interleave, so every call gets a new array there.
let reuse = false;
const buffers = new Map<string, Float32Array>();

/** Called once by the inference worker: its jobs never overlap. */
export function reuseInputBuffers(): void {
  reuse = true;
}

/** A zero-filled-or-overwritten array of `length` floats for the call site `name`; the caller writes every element. */
export function inputBuffer(name: string, length: number): Float32Array {
  if (!reuse) return new Float32Array(length);
  let buffer = buffers.get(name);
  if (!buffer || buffer.length !== length) {
    buffer = new Float32Array(length);
    buffers.set(name, buffer);
  }
  return buffer;
}
