// Failure counter with exponential backoff, in process memory: after `freeFailures` failures of one
// key, each further failure makes the next attempt wait baseDelayMs, 2x, 4x, ... up to maxDelayMs.
// Nothing is ever locked for good: the wait is capped, and a key that stays quiet for forgetAfterMs
// starts afresh. Memory is bounded: stale keys are dropped as new ones arrive and, past maxEntries,
// the least recently failed key is evicted (under a flood of distinct keys that forgets the oldest
// counters early, which only ever makes the limiter more lenient, never blocks anyone).
export type BackoffLimiterOptions = { freeFailures: number; baseDelayMs: number; maxDelayMs: number; forgetAfterMs: number; maxEntries: number };

export type BackoffLimiter = {
  /** milliseconds until `key` may try again (0: now) */
  retryAfterMs: (key: string, now?: number) => number;
  /** counts a failure; returns the wait it imposes (0 while within the free failures) */
  recordFailure: (key: string, now?: number) => number;
  forget: (key: string) => void;
  size: () => number;
};

type Entry = { failures: number; lastFailureAt: number; blockedUntil: number };

/** The wait a key's `failures`-th failure imposes: 0 within the free failures, then doubling up to the cap. */
export function backoffWaitMs(failures: number, options: BackoffLimiterOptions): number {
  const over = failures - options.freeFailures;
  return over > 0 ? Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.min(over - 1, 40)) : 0;
}

export function createBackoffLimiter(options: BackoffLimiterOptions): BackoffLimiter {
  const entries = new Map<string, Entry>();

  const live = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && now - entry.lastFailureAt > options.forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  // Map iteration is insertion order and every failure re-inserts its key, so the front holds the
  // least recently failed keys: drop the stale ones there, then trim to the cap.
  const prune = (now: number) => {
    for (const [key, entry] of entries) {
      if (now - entry.lastFailureAt <= options.forgetAfterMs && entries.size <= options.maxEntries) break;
      entries.delete(key);
    }
  };

  return {
    retryAfterMs(key, now = Date.now()) {
      const entry = live(key, now);
      return entry ? Math.max(0, entry.blockedUntil - now) : 0;
    },
    recordFailure(key, now = Date.now()) {
      const entry = live(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
      entry.failures += 1;
      entry.lastFailureAt = now;
      const wait = backoffWaitMs(entry.failures, options);
      entry.blockedUntil = now + wait;
      entries.delete(key);
      entries.set(key, entry);
      prune(now);
      return wait;
    },
    forget(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}
