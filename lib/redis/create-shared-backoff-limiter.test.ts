import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { createSharedBackoffLimiter } from "@/lib/redis/create-shared-backoff-limiter";

// Against a real Redis (TEST_REDIS_URL, or the one every machine of this project runs on 6379).
const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
// nothing listens on port 1: every command fails at once, as with Redis down
const deadRedis = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
deadRedis.on("error", () => undefined);
afterAll(() => {
  redis.disconnect();
  deadRedis.disconnect();
});

const options = { freeFailures: 2, baseDelayMs: 1000, maxDelayMs: 4000, forgetAfterMs: 60_000, maxEntries: 100 };

describe("the shared backoff limiter", () => {
  it("counts the failures of every instance against one budget, and forgets on success", async () => {
    const name = `test-${randomBytes(6).toString("hex")}`;
    const [one, two] = [createSharedBackoffLimiter(name, options, () => redis), createSharedBackoffLimiter(name, options, () => redis)];
    expect(await one.recordFailure("203.0.113.9")).toBe(0);
    expect(await two.recordFailure("203.0.113.9")).toBe(0);
    // the third failure, wherever it lands, starts the backoff that both instances see
    expect(await one.recordFailure("203.0.113.9")).toBe(1000);
    expect(await two.retryAfterMs("203.0.113.9")).toBeGreaterThan(900);
    expect(await two.recordFailure("203.0.113.9")).toBe(2000);
    expect(await two.recordFailure("203.0.113.9")).toBe(4000);
    expect(await one.recordFailure("203.0.113.9")).toBe(4000);
    expect(await one.retryAfterMs("198.51.100.1")).toBe(0);
    // the address itself is not in Redis, only its hash
    expect(await redis.keys(`faceid:backoff:${name}:*`)).toEqual([expect.stringMatching(new RegExp(`^faceid:backoff:${name}:[0-9a-f]{64}$`))]);
    await two.forget("203.0.113.9");
    expect(await one.retryAfterMs("203.0.113.9")).toBe(0);
  });

  it("counts in process while Redis fails", async () => {
    const limiter = createSharedBackoffLimiter(`test-${randomBytes(6).toString("hex")}`, options, () => deadRedis);
    expect(await limiter.recordFailure("k")).toBe(0);
    expect(await limiter.recordFailure("k")).toBe(0);
    expect(await limiter.recordFailure("k")).toBe(1000);
    expect(await limiter.retryAfterMs("k")).toBeGreaterThan(900);
    await limiter.forget("k");
    expect(await limiter.retryAfterMs("k")).toBe(0);
  });
});
