import { isDraining } from "@/lib/bootstrap/server-state";
import { AppError } from "@/lib/errors";

// The work a shutdown waits for: face checks and capture submissions, from before their body is read
// to their answer. Once the instance is draining, new work is refused like a shed request (503 +
// Retry-After), so the load balancer's retry lands on another instance. Counted on globalThis: Next.js
// may load this module once per route chunk.
const holder = globalThis as unknown as { faceidWork?: { inFlight: number; idle: Set<() => void> } };
const work = () => (holder.faceidWork ??= { inFlight: 0, idle: new Set() });

export const shuttingDown = () => new AppError("service_unavailable", "This server is shutting down; retry in a moment.", { headers: { "Retry-After": "1" } });

/** Counts one piece of work in flight; the returned function ends it (once). Throws 503 while draining. */
export function beginWork(): () => void {
  if (isDraining()) throw shuttingDown();
  const state = work();
  state.inFlight++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    if (--state.inFlight === 0) for (const resolve of state.idle) resolve();
  };
}

export async function withWork<T>(run: () => Promise<T>): Promise<T> {
  const end = beginWork();
  try {
    return await run();
  } finally {
    end();
  }
}

export const workInFlight = () => work().inFlight;

/** Resolves true when no work is in flight, false when `deadline` (epoch ms) came first. */
export async function waitForWork(deadline: number): Promise<boolean> {
  const state = work();
  if (state.inFlight === 0) return true;
  let resolveIdle!: () => void;
  const idle = new Promise<boolean>((resolve) => (resolveIdle = () => resolve(true)));
  state.idle.add(resolveIdle);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()))));
  try {
    return await Promise.race([idle, late]);
  } finally {
    clearTimeout(timer);
    state.idle.delete(resolveIdle);
  }
}
