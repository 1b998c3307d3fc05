// Inference worker (started by lib/vision/inference-pool.ts): owns onnxruntime sessions and runs
// them on its own thread. onnxruntime-node's run() is synchronous on the calling thread, so
// without workers every model of every request runs on the event loop, one at a time.
// Plain JavaScript on purpose: it is started by path at runtime, outside the Next.js bundle.
import { parentPort } from "node:worker_threads";
import ort from "onnxruntime-node";

const sessions = new Map();

function load({ key, path, options }) {
  let session = sessions.get(key);
  if (!session) {
    session = ort.InferenceSession.create(path, options);
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

async function handle(message) {
  const session = await load(message.model);
  if (!message.feeds) return { inputNames: session.inputNames, outputNames: session.outputNames };
  const feeds = {};
  for (const [name, t] of Object.entries(message.feeds)) feeds[name] = new ort.Tensor(t.type, t.data, t.dims);
  const results = await session.run(feeds);
  const outputs = {};
  for (const [name, t] of Object.entries(results)) outputs[name] = { type: t.type, data: t.data, dims: t.dims };
  return { outputs };
}

parentPort.on("message", (message) => {
  handle(message).then(
    (result) => parentPort.postMessage({ id: message.id, ...result }),
    (error) => parentPort.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
