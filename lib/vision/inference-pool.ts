import { existsSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import * as ort from "onnxruntime-node";
import { AppError, type ErrorCode } from "@/lib/errors";
import { getInferenceStats } from "./inference-stats";
import type { DecodedImage } from "./types";

// Main-thread side of the inference workers (inference-worker.ts, bundled to
// lib/generated/vision/inference-worker.mjs by scripts/bundle-vision-worker.mjs). onnxruntime-node
// runs a model synchronously on the thread that calls run(), so in-process sessions put every model
// of every request on the event loop: one core busy, the other idle. One worker per core, each with
// its own sessions, lets two runs (two images of a match, two requests) proceed in parallel.
// Whole tasks (analyse an image, score liveness) run in a worker too: the crops, the model runs and
// their garbage stay off the event loop, which then only parses requests and writes records; the
// image goes over once, in shared memory, instead of a tensor per model run.

export type ModelSpec = { key: string; path: string; options: ort.InferenceSession.SessionOptions };
export type ModelNames = { inputNames: readonly string[]; outputNames: readonly string[] };

type TensorMessage = { type: ort.Tensor.Type; data: ort.Tensor.DataType; dims: readonly number[] };
type Reply = { id: number; error?: string; code?: ErrorCode; field?: string; pixels?: ArrayBuffer; inputNames?: string[]; outputNames?: string[]; outputs?: Record<string, TensorMessage>; result?: unknown };

/** What a worker runs as one job (see worker-tasks.ts). */
export type VisionTaskName = "analyze" | "liveness" | "analyze-bytes";
type Job = { resolve: (reply: Reply) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; pending: Map<number, Job> };

/** A worker died or could not start; the caller may fall back to in-process sessions. */
export class WorkerUnavailableError extends Error {}

export type InferencePool = {
  readonly size: number;
  /** Creates the model's session in every worker; resolves with its input and output names. */
  load(model: ModelSpec): Promise<ModelNames>;
  run(model: ModelSpec, feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType>;
  /**
   * Runs a whole task on the least busy worker; the image is shared, not copied per model run.
   * Without an image (a task that decodes its own from bytes in `args`) nothing is moved.
   */
  task(name: VisionTaskName, image: DecodedImage | null, args: unknown): Promise<unknown>;
  /** Stops the workers (pending runs reject); a later call starts new ones. */
  close(): Promise<void>;
};

export function inferenceWorkerScript(): string {
  return join(/*turbopackIgnore: true*/ process.cwd(), "lib", "generated", "vision", "inference-worker.mjs");
}

// Pixel buffers for whole tasks: the image is copied into one (~1 ms for 3 MP), moved to the
// worker, and moved back with the reply for the next task. Fresh buffers per image (or shared
// memory) are freed only when V8 next collects this thread's small heap: +250 MB RSS under load.
const MAX_SPARE_PIXEL_BUFFERS = 8;

function takePixelBuffer(spare: ArrayBuffer[], bytes: number): ArrayBuffer {
  let best = -1;
  spare.forEach((b, i) => {
    if (b.byteLength >= bytes && (best < 0 || b.byteLength < spare[best].byteLength)) best = i;
  });
  return best >= 0 ? spare.splice(best, 1)[0] : new ArrayBuffer(bytes);
}

function returnPixelBuffer(spare: ArrayBuffer[], buffer: ArrayBuffer | undefined): void {
  if (!buffer) return;
  spare.push(buffer);
  // keep the largest few: any smaller image fits in them
  if (spare.length > MAX_SPARE_PIXEL_BUFFERS) spare.sort((x, y) => y.byteLength - x.byteLength).pop();
}

/** undefined when size < 1 or the worker script is not there (the caller then runs in-process). */
export function createInferencePool(size: number, script = inferenceWorkerScript()): InferencePool | undefined {
  if (size < 1 || !existsSync(script)) return undefined;
  const slots: Slot[] = [];
  const sparePixels: ArrayBuffer[] = [];
  let nextId = 0;
  // queue depth for /metrics: jobs handed to the workers and not yet answered
  getInferenceStats().pending = () => slots.reduce((n, slot) => n + slot.pending.size, 0);

  const spawn = (): Slot => {
    // The worker runs its models in-process: it must not start workers of its own.
    const slot: Slot = { worker: new Worker(script, { env: { ...process.env, VISION_WORKERS: "0" } }), pending: new Map() };
    slot.worker.on("message", (reply: Reply) => {
      returnPixelBuffer(sparePixels, reply.pixels);
      const job = slot.pending.get(reply.id);
      if (!job) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) slot.worker.unref();
      job.resolve(reply);
    });
    const fail = (error: Error) => {
      const index = slots.indexOf(slot);
      if (index >= 0) slots.splice(index, 1);
      for (const job of slot.pending.values()) job.reject(new WorkerUnavailableError(`inference worker stopped: ${error.message}`));
      slot.pending.clear();
    };
    slot.worker.on("error", fail);
    slot.worker.on("exit", (code) => fail(new Error(`exit code ${code}`)));
    // An idle worker must not keep the process alive; a busy one must (see send). After the
    // listeners: adding a "message" listener refs the worker's port again.
    slot.worker.unref();
    return slot;
  };

  const ensureSlots = () => {
    try {
      while (slots.length < size) slots.push(spawn());
    } catch (error) {
      throw new WorkerUnavailableError(`inference worker could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // each worker runs its jobs one at a time, in order, so the shortest queue is the next free worker
  const leastBusy = () => slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));

  const send = (slot: Slot, message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> =>
    new Promise<Reply>((resolve, reject) => {
      const id = nextId++;
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, ...message }, transfer);
    }).then((reply) => {
      if (reply.error !== undefined) throw reply.code ? new AppError(reply.code, reply.error, { field: reply.field }) : new Error(reply.error);
      return reply;
    });

  return {
    size,
    async load(model) {
      ensureSlots();
      const [first] = await Promise.all(slots.map((slot) => send(slot, { model })));
      return { inputNames: first.inputNames ?? [], outputNames: first.outputNames ?? [] };
    },
    async run(model, feeds) {
      ensureSlots();
      // least busy worker; the gate in front keeps the queues short
      const slot = leastBusy();
      const message: Record<string, TensorMessage> = {};
      const transfer: ArrayBuffer[] = [];
      for (const [name, t] of Object.entries(feeds)) {
        // Moved, not copied: the caller's input array is detached (see runModel).
        const data = t.data as Float32Array;
        if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) transfer.push(data.buffer as ArrayBuffer);
        message[name] = { type: t.type, data, dims: t.dims };
      }
      const reply = await send(slot, { model, feeds: message }, transfer);
      const out: Record<string, ort.Tensor> = {};
      for (const [name, t] of Object.entries(reply.outputs ?? {})) out[name] = new ort.Tensor(t.type, t.data as Float32Array, t.dims);
      return out;
    },
    async task(name, image, args) {
      ensureSlots();
      const slot = leastBusy();
      if (!image) return (await send(slot, { task: { name, image: null, args } })).result;
      const bytes = image.data.byteLength;
      const pixels = new Uint8Array(takePixelBuffer(sparePixels, bytes), 0, bytes);
      pixels.set(image.data);
      const task = { name, image: { data: pixels, width: image.width, height: image.height }, args };
      return (await send(slot, { task }, [pixels.buffer])).result;
    },
    async close() {
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}
