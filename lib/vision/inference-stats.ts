// What the inference pool tells the metrics (lib/metrics), without importing them: this module is
// also bundled into the inference worker, which must not carry prom-client. The main thread installs
// the observer; in a worker it stays unset.
type InferenceStats = { pending: () => number; observe?: (task: string, seconds: number) => void };

const KEY = Symbol.for("faceid.vision.inferenceStats");
const holder = globalThis as typeof globalThis & { [KEY]?: InferenceStats };

export function getInferenceStats(): InferenceStats {
  holder[KEY] ??= { pending: () => 0 };
  return holder[KEY];
}
