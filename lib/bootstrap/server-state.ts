// Process-wide readiness, read by /readyz. Set by the start-up sequence in instrumentation.ts and by
// the graceful shutdown (lib/bootstrap/shut-down-gracefully.ts), which marks the instance draining.
type ServerState = { bootstrapped: boolean; startedAt: number; error?: string; drainingSince?: number };

const globalForState = globalThis as unknown as { faceidState?: ServerState };

export function getServerState(): ServerState {
  globalForState.faceidState ??= { bootstrapped: false, startedAt: Date.now() };
  return globalForState.faceidState;
}

export function markBootstrapped(error?: string): void {
  const state = getServerState();
  state.bootstrapped = !error;
  state.error = error;
}

export function markDraining(): void {
  getServerState().drainingSince ??= Date.now();
}

export const isDraining = () => getServerState().drainingSince !== undefined;
