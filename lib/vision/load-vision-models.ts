import { getBuiltinSession, inferenceGate, inferenceWorkers, loadedModelKeys, modelsDir, type BuiltinModelId } from "./model-sessions";
import { getSession } from "./model-sessions";
import { getRecogniserConfig } from "./recogniser";

const BUILTIN: BuiltinModelId[] = ["blazeface", "facemesh", "minifasnet-v2", "minifasnet-v1se"];
let ready: Promise<void> | undefined;
let lastError: string | undefined;

/** Creates every session once (warm-up for the readiness probe); safe to call repeatedly. */
export function loadVisionModels(): Promise<void> {
  if (!ready) {
    const recogniser = getRecogniserConfig();
    ready = Promise.all([...BUILTIN.map(getBuiltinSession), getSession(recogniser.modelId, recogniser.path)])
      .then(() => {
        lastError = undefined;
      })
      .catch((error: unknown) => {
        ready = undefined;
        lastError = error instanceof Error ? error.message : String(error);
        throw error;
      });
  }
  return ready;
}

export type VisionStatus = {
  ready: boolean;
  loaded: string[];
  recogniser: string;
  modelsDir: string;
  /** inference worker threads; 0 = models run on the event loop */
  workers: number;
  inFlight: number;
  queued: number;
  error?: string;
};

export function getVisionStatus(): VisionStatus {
  const loaded = loadedModelKeys();
  const recogniser = getRecogniserConfig().modelId;
  return {
    ready: BUILTIN.every((id) => loaded.includes(id)) && loaded.includes(recogniser) && !lastError,
    loaded,
    recogniser,
    modelsDir: modelsDir(),
    workers: inferenceWorkers(),
    inFlight: inferenceGate.active,
    queued: inferenceGate.queued,
    ...(lastError ? { error: lastError } : {}),
  };
}
