// The in-process worker registers its wake-up here. Kept on globalThis because Next.js may load route
// handlers and the start-up code as separate module instances in the same process.
type WorkerHandle = { wake: () => void };
const registry = globalThis as unknown as { faceidWebhookWorker?: WorkerHandle };

export function setWorkerHandle(handle: WorkerHandle | undefined): void {
  registry.faceidWebhookWorker = handle;
}

// Called after an enqueue. Slightly deferred so the caller's transaction has committed before the worker
// looks; the worker's own poll is the fallback when the wake-up comes too early.
export function wakeWebhookWorker(): void {
  const handle = registry.faceidWebhookWorker;
  if (handle) setTimeout(() => handle.wake(), 20).unref?.();
}
