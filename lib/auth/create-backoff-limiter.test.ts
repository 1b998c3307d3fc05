import { describe, expect, it } from "vitest";
import { createBackoffLimiter } from "@/lib/auth/create-backoff-limiter";

const options = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000, maxEntries: 100 };

describe("backoff limiter", () => {
  it("lets the free failures through, then doubles the wait up to the cap", () => {
    const limiter = createBackoffLimiter(options);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.recordFailure("a", t))).toEqual([0, 0, 0]);
    expect(limiter.retryAfterMs("a", t)).toBe(0);
    expect(limiter.recordFailure("a", t)).toBe(1000);
    expect(limiter.retryAfterMs("a", t + 400)).toBe(600);
    expect(limiter.recordFailure("a", t + 1000)).toBe(2000);
    expect(limiter.recordFailure("a", t + 3000)).toBe(4000);
    expect(limiter.recordFailure("a", t + 7000)).toBe(8000);
    expect(limiter.recordFailure("a", t + 15_000)).toBe(8000);
    expect(limiter.retryAfterMs("b", t)).toBe(0);
  });

  it("forgets a key that stays quiet, and on request", () => {
    const limiter = createBackoffLimiter(options);
    for (let i = 0; i < 5; i++) limiter.recordFailure("a", 0);
    expect(limiter.retryAfterMs("a", 1)).toBeGreaterThan(0);
    expect(limiter.retryAfterMs("a", 60_001)).toBe(0);
    expect(limiter.recordFailure("a", 60_002)).toBe(0);
    for (let i = 0; i < 5; i++) limiter.recordFailure("b", 0);
    limiter.forget("b");
    expect(limiter.retryAfterMs("b", 1)).toBe(0);
  });

  it("stays bounded under a flood of distinct keys, dropping the least recently failed", () => {
    const limiter = createBackoffLimiter(options);
    for (let i = 0; i < 10; i++) limiter.recordFailure("victim", 0);
    for (let i = 0; i < 10_000; i++) limiter.recordFailure(`k${i}`, 1);
    expect(limiter.size()).toBeLessThanOrEqual(100);
    expect(limiter.retryAfterMs("victim", 2)).toBe(0);
    // stale keys go first once time passes
    limiter.recordFailure("late", 200_000);
    expect(limiter.size()).toBe(1);
  });
});
