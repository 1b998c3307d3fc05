import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import * as ort from "onnxruntime-node";
import manifest from "@/models/manifest.json";
import { AppError } from "@/lib/errors";
import { createGate } from "./concurrency-gate";
import { createInferencePool, WorkerUnavailableError, type InferencePool, type ModelNames, type ModelSpec, type VisionTaskName } from "./inference-pool";
import { getInferenceStats } from "./inference-stats";
import type { DecodedImage } from "./types";

export type BuiltinModelId = "blazeface" | "facemesh" | "face-reid-0095" | "dlib-resnet" | "minifasnet-v2" | "minifasnet-v1se";

// Intra-op threads per model, measured on 2 cores (see models/cards): these models are small
// enough that one thread per run, with runs spread over the cores by the workers, wins on
// throughput and costs little latency. VISION_THREADS overrides for every model.
const THREADS: Record<BuiltinModelId, number> = { blazeface: 1, facemesh: 1, "face-reid-0095": 1, "dlib-resnet": 1, "minifasnet-v2": 1, "minifasnet-v1se": 1 };

const cores = Math.max(1, availableParallelism());
// Inference workers (VISION_WORKERS, default one per core plus one; 0 runs the models on the event
// loop). The extra worker keeps the cores busy while the others hand results back or wait for the
// event loop: measured on 2 cores, face match over HTTP at concurrency 8 went from ~18.5 to ~20.4
// req/s and the CPU per request from ~100 to ~94 ms. With one core a worker only adds a hop, so none.
const workers = process.env.VISION_WORKERS === undefined ? (cores > 1 ? cores + 1 : 0) : Math.max(0, Math.floor(Number(process.env.VISION_WORKERS)) || 0);
export const inferenceGate = createGate(Number(process.env.VISION_CONCURRENCY) || Math.max(cores, workers));

/** A loaded model: in a worker pool when there is one, else an in-process session. */
export type Model = ModelNames & { spec: ModelSpec; session?: ort.InferenceSession };

const models = new Map<string, Promise<Model>>();

// Kept on globalThis so a dev-server module reload reuses the workers instead of starting more.
const poolKey = Symbol.for("faceid.vision.inferencePool");
type PoolHolder = { [poolKey]?: { pool: InferencePool | undefined } };
function inferencePool(): InferencePool | undefined {
  const holder = globalThis as PoolHolder;
  holder[poolKey] ??= { pool: createInferencePool(workers) };
  return holder[poolKey].pool;
}
function disablePool(): void {
  (globalThis as PoolHolder)[poolKey] = { pool: undefined };
  models.clear();
}

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

async function loadModel(spec: ModelSpec): Promise<Model> {
  await ensurePrepared(spec.path);
  const pool = inferencePool();
  if (pool) {
    try {
      return { ...(await pool.load(spec)), spec };
    } catch (error) {
      if (!(error instanceof WorkerUnavailableError)) throw error;
      // workers cannot run here (e.g. a bundler moved the script): run in-process instead
      disablePool();
    }
  }
  const session = await ort.InferenceSession.create(spec.path, spec.options);
  return { inputNames: session.inputNames, outputNames: session.outputNames, spec, session };
}

/** One session per model file per process (per worker), created on first use (the promise is cached). */
export function getSession(key: string, path: string, threads = 1): Promise<Model> {
  let model = models.get(key);
  if (!model) {
    const options: ort.InferenceSession.SessionOptions = {
      intraOpNumThreads: Number(process.env.VISION_THREADS) || threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: "all",
      executionMode: "sequential",
      // Denormal activations stall x86 cores: a PyTorch-exported MobileFaceNet ran 7x slower without
      // this (66 vs 9.4 ms). The built-in models are unaffected either way.
      extra: { session: { set_denormal_as_zero: "1" } },
    };
    model = loadModel({ key, path, options });
    model.catch(() => models.delete(key));
    models.set(key, model);
  }
  return model;
}

export function getBuiltinSession(id: BuiltinModelId): Promise<Model> {
  return getSession(id, builtinModelPath(id), THREADS[id]);
}

/**
 * Runs a model through the process-wide gate, on a worker when there are workers. The feeds'
 * arrays are moved to the worker (left detached, length 0): build them for this one run.
 */
export async function runModel(model: Model, feeds: Record<string, ort.Tensor>): Promise<ort.InferenceSession.OnnxValueMapType> {
  return inferenceGate.run(() => {
    if (model.session) return model.session.run(feeds);
    const pool = inferencePool();
    if (!pool) throw new WorkerUnavailableError(`model ${model.spec.key} was loaded by workers that are no longer available`);
    return pool.run(model.spec, feeds);
  });
}

/**
 * Runs a whole vision task (worker-tasks.ts) on an inference worker when there are workers, else
 * `here` on this thread; the worker runs the same code, bundled.
 */
export async function runVisionTask<T>(name: VisionTaskName, image: DecodedImage | null, args: unknown, here: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await runVisionTaskSomewhere(name, image, args, here);
  } finally {
    getInferenceStats().observe?.(name, (performance.now() - started) / 1000);
  }
}

async function runVisionTaskSomewhere<T>(name: VisionTaskName, image: DecodedImage | null, args: unknown, here: () => Promise<T>): Promise<T> {
  const pool = inferencePool();
  if (!pool) return here();
  try {
    return (await pool.task(name, image, args)) as T;
  } catch (error) {
    if (!(error instanceof WorkerUnavailableError)) throw error;
    disablePool();
    return here();
  }
}

export function loadedModelKeys(): string[] {
  return [...models.keys()];
}

/** Where inference runs: worker threads (how many) or the event loop. */
export function inferenceWorkers(): number {
  return inferencePool()?.size ?? 0;
}
