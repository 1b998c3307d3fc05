// Inference worker (started by inference-pool.ts from its bundle, lib/generated/vision/): owns its
// onnxruntime sessions and runs single models or whole tasks (worker-tasks.ts) for the event loop.
// Jobs run one at a time, in arrival order: the pool hands each to the shortest queue, so a job
// never waits behind work another worker could do, and interleaving would only delay them all.
// A job's off-thread first phase (decoding an upload) overlaps the job before it, one job ahead, so
// this thread is not idle while libvips decodes and at most two decoded images are held.
import { parentPort } from "node:worker_threads";
import * as ort from "onnxruntime-node";
import { isAppError } from "@/lib/errors";
import type { ModelSpec, VisionTaskName } from "./inference-pool";
import { reuseInputBuffers } from "./input-buffers";
import { getSession } from "./model-sessions";
import type { DecodedImage } from "./types";
import { workerTask } from "./worker-tasks";

type TensorMessage = { type: ort.Tensor.Type; data: ort.Tensor.DataType; dims: readonly number[] };
type Message = {
  id: number;
  model?: ModelSpec;
  feeds?: Record<string, TensorMessage>;
  task?: { name: VisionTaskName; image: DecodedImage | null; args: unknown };
};

async function runModelMessage(message: Message): Promise<Record<string, unknown>> {
  const spec = message.model!;
  const model = await getSession(spec.key, spec.path, spec.options.intraOpNumThreads);
  const session = model.session!;
  if (!message.feeds) return { inputNames: session.inputNames, outputNames: session.outputNames };
  const feeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(message.feeds)) feeds[name] = new ort.Tensor(t.type, t.data as Float32Array, t.dims);
  const results = await session.run(feeds);
  const outputs: Record<string, TensorMessage> = {};
  for (const [name, t] of Object.entries(results)) outputs[name] = { type: t.type, data: t.data, dims: t.dims };
  return { outputs };
}

function failure(error: unknown): Record<string, unknown> {
  if (isAppError(error)) return { error: error.message, code: error.code, field: error.field };
  return { error: error instanceof Error ? error.message : String(error) };
}

const settled = (p: Promise<unknown>): Promise<void> => p.then(() => undefined, () => undefined);

reuseInputBuffers();
// settled when the last job is done, when the one before it is, and when the last first phase is
let last: Promise<void> = Promise.resolve();
let beforeLast: Promise<void> = Promise.resolve();
let lastPrepare: Promise<void> = Promise.resolve();
parentPort!.on("message", (message: Message) => {
  // a task's pixel buffer goes back with the reply, for the pool's next task
  const pixels = message.task?.image?.data.buffer as ArrayBuffer | undefined;
  const reply = (result: Record<string, unknown>) => parentPort!.postMessage({ id: message.id, ...result, pixels }, pixels ? [pixels] : []);
  let prepared: Promise<unknown> = Promise.resolve(undefined);
  let run: (value: unknown) => Promise<Record<string, unknown>>;
  if (message.task) {
    const task = workerTask(message.task.name, message.task.image, message.task.args);
    if (task.prepare) {
      const start = task.prepare;
      prepared = Promise.all([lastPrepare, beforeLast]).then(start);
      lastPrepare = settled(prepared);
    }
    run = async (value) => ({ result: await task.run(value) });
  } else {
    run = () => runModelMessage(message);
  }
  const done = last.then(() => prepared).then(run).then(reply, (error) => reply(failure(error)));
  beforeLast = last;
  last = settled(done);
});
