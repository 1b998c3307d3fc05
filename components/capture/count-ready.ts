import type { GuidanceCode } from "./compute-guidance";

// How long the guidance has been green, for the auto-capture countdown. One stray tick of anything
// else (a detector miss, a face on the edge of a size limit) is forgiven: the countdown pauses for it
// instead of starting over, so a hand-held phone is not kept waiting forever. Motion is not forgiven:
// "hold_still" comes from the stillness tracker, which already has its own hysteresis.
export type ReadyCount = { since: number | null; misses: number };

export const initialReadyCount: ReadyCount = { since: null, misses: 0 };
export const FORGIVEN_TICKS = 1;

export function countReady(count: ReadyCount, input: { code: GuidanceCode; now: number }): ReadyCount {
  const { code, now } = input;
  if (code === "ready") return { since: count.since ?? now, misses: 0 };
  if (count.since === null || code === "hold_still" || count.misses >= FORGIVEN_TICKS) return initialReadyCount;
  return { since: count.since, misses: count.misses + 1 };
}

/** Milliseconds since the guidance turned green (0 while not counting). */
export function readyFor(count: ReadyCount, now: number): number {
  return count.since === null ? 0 : now - count.since;
}
