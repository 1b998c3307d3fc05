// Caps how many inferences run at once so N concurrent requests share the cores instead of
// oversubscribing them (each onnxruntime run already uses its own intra-op threads).
export type Gate = { run<T>(task: () => Promise<T>): Promise<T>; readonly active: number; readonly queued: number };

export function createGate(limit: number): Gate {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await task();
      } finally {
        release();
      }
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length;
    },
  };
}
