import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import manifest from "@/models/manifest.json";
import { AppError } from "@/lib/errors";
import { createGate } from "./concurrency-gate";

export type BuiltinModelId = "blazeface" | "facemesh" | "dlib-resnet" | "antispoof" | "liveness";

// Intra-op threads per model, measured on 2 cores (see models/cards): these models are small
// enough that one thread per run, with runs spread over the cores by the gate, wins on
// throughput and costs little latency. VISION_THREADS overrides for every model.
const THREADS: Record<BuiltinModelId, number> = { blazeface: 1, facemesh: 1, "dlib-resnet": 1, antispoof: 1, liveness: 1 };

const cores = Math.max(1, availableParallelism());
export const inferenceGate = createGate(Number(process.env.VISION_CONCURRENCY) || cores);

const sessions = new Map<string, Promise<ort.InferenceSession>>();

export function modelsDir(): string {
  return process.env.MODELS_DIR ?? join(/*turbopackIgnore: true*/ process.cwd(), "models", "onnx");
}

export function builtinModelPath(id: BuiltinModelId): string {
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) throw new Error(`model ${id} is not in models/manifest.json`);
  return join(/*turbopackIgnore: true*/ modelsDir(), entry.file);
}

// The models are prepared by npm install and again (a no-op when current) by npm start and npm test.
async function ensurePrepared(path: string): Promise<void> {
  if (!existsSync(path)) throw new AppError("service_unavailable", `model file ${path} is missing; run npm run models:prepare`);
}

/** One session per model file per process, created on first use (the promise is cached). */
export function getSession(key: string, path: string, threads = 1): Promise<ort.InferenceSession> {
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      await ensurePrepared(path);
      return ort.InferenceSession.create(path, {
        intraOpNumThreads: Number(process.env.VISION_THREADS) || threads,
        interOpNumThreads: 1,
        graphOptimizationLevel: "all",
        executionMode: "sequential",
      });
    })();
    session.catch(() => sessions.delete(key));
    sessions.set(key, session);
  }
  return session;
}

export function getBuiltinSession(id: BuiltinModelId): Promise<ort.InferenceSession> {
  return getSession(id, builtinModelPath(id), THREADS[id]);
}

/** Runs a model through the process-wide gate. */
export async function runModel(session: ort.InferenceSession, feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType> {
  return inferenceGate.run(() => session.run(feeds));
}

export function loadedModelKeys(): string[] {
  return [...sessions.keys()];
}
