import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { takeRedisToken } from "@/lib/redis/take-redis-token";

// Against a real Redis (TEST_REDIS_URL, or the one every machine of this project runs on 6379).
const redis = new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", { maxRetriesPerRequest: 1 });
afterAll(() => redis.disconnect());

describe("the Redis token bucket", () => {
  it("allows `limit` at once, then refuses with a Retry-After, for one key only", async () => {
    const key = `test-${randomBytes(6).toString("hex")}`;
    const results = await Promise.all(Array.from({ length: 8 }, () => takeRedisToken(redis, key, 5)));
    expect(results.filter((r) => r.allowed)).toHaveLength(5);
    const refused = results.find((r) => !r.allowed);
    // 5 a minute: a token every 12 s
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 12 });
    expect((await takeRedisToken(redis, `${key}-other`, 5)).allowed).toBe(true);
    expect(await redis.pttl(`faceid:rate:${key}`)).toBeGreaterThan(60_000);
  });

  it("caps the sum over several connections (as from several instances) and refills with time", async () => {
    const key = `test-${randomBytes(6).toString("hex")}`;
    const others = [new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"), new Redis(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379")];
    try {
      const all = await Promise.all([redis, ...others].flatMap((client) => Array.from({ length: 20 }, () => takeRedisToken(client, key, 30))));
      expect(all.filter((r) => r.allowed)).toHaveLength(30);
      // 30 a minute is one token every 2 s
      await new Promise((r) => setTimeout(r, 2_100));
      expect((await takeRedisToken(others[0], key, 30)).allowed).toBe(true);
      expect((await takeRedisToken(others[1], key, 30)).allowed).toBe(false);
    } finally {
      for (const client of others) client.disconnect();
    }
  });
});
