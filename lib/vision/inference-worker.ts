// Inference worker (started by inference-pool.ts from its bundle, lib/generated/vision/): owns its
// onnxruntime sessions and runs single models or whole tasks (worker-tasks.ts) for the event loop.
// Jobs run one at a time, in arrival order: the pool hands each to the shortest queue, so a job
// never waits behind work another worker could do, and interleaving would only delay them all.
import { parentPort } from "node:worker_threads";
import * as ort from "onnxruntime-node";
import { AppError } from "@/lib/errors";
import type { ModelSpec, VisionTaskName } from "./inference-pool";
import { reuseInputBuffers } from "./input-buffers";
import { getSession } from "./model-sessions";
import type { DecodedImage } from "./types";
import { runWorkerTask } from "./worker-tasks";

type TensorMessage = { type: ort.Tensor.Type; data: ort.Tensor.DataType; dims: readonly number[] };
type Message = {
  id: number;
  model?: ModelSpec;
  feeds?: Record<string, TensorMessage>;
  task?: { name: VisionTaskName; image: DecodedImage; args: unknown };
};

async function handle(message: Message): Promise<Record<string, unknown>> {
  if (message.task) return { result: await runWorkerTask(message.task.name, message.task.image, message.task.args) };
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
  if (error instanceof AppError) return { error: error.message, code: error.code, field: error.field };
  return { error: error instanceof Error ? error.message : String(error) };
}

reuseInputBuffers();
let queue: Promise<void> = Promise.resolve();
parentPort!.on("message", (message: Message) => {
  // a task's pixel buffer goes back with the reply, for the pool's next task
  const pixels = message.task?.image.data.buffer as ArrayBuffer | undefined;
  const reply = (result: Record<string, unknown>) => parentPort!.postMessage({ id: message.id, ...result, pixels }, pixels ? [pixels] : []);
  queue = queue.then(() => handle(message).then(reply, (error) => reply(failure(error))));
});
