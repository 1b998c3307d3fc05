// Process-wide readiness, read by /readyz. Set by the start-up sequence in instrumentation.ts.
type ServerState = { bootstrapped: boolean; startedAt: number; error?: string };

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
