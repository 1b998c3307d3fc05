import { createHash } from "node:crypto";
import type Redis from "ioredis";
import { backoffWaitMs, createBackoffLimiter, type BackoffLimiterOptions } from "@/lib/auth/create-backoff-limiter";
import { getRedis, LUA_NOW_MS, redisKey, warnRedisUnavailable, withRedisScripts } from "@/lib/redis/get-redis";

// The backoff of create-backoff-limiter.ts, counted in Redis when REDIS_URL is set so a guesser gains
// nothing by spreading tries over the instances; in process otherwise, and while Redis fails (then
// each instance counts alone, as without Redis). One hash per key: its failure count and the time of
// the last one (Redis's clock), expiring forgetAfterMs after the last failure; the wait they impose is
// the in-process limiter's own rule (backoffWaitMs). Keys are hashed, so Redis holds no email or address.
const RECORD = `${LUA_NOW_MS}
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
redis.call('HSET', KEYS[1], 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]))
return failures`;
// the failure count and the ms since the last failure ({0, 0}: none)
const FAILURES = `${LUA_NOW_MS}
local state = redis.call('HMGET', KEYS[1], 'failures', 'at')
if not state[1] or not state[2] then return {0, 0} end
return {tonumber(state[1]), now - tonumber(state[2])}`;

export type SharedBackoffLimiter = {
  retryAfterMs: (key: string) => Promise<number>;
  recordFailure: (key: string) => Promise<number>;
  forget: (key: string) => Promise<void>;
};

type BackoffCommands = {
  backoffRecord: (key: string, forgetAfterMs: number) => Promise<number>;
  backoffFailures: (key: string) => Promise<[number, number]>;
};
const scripts = { backoffRecord: RECORD, backoffFailures: FAILURES };

export function createSharedBackoffLimiter(name: string, options: BackoffLimiterOptions, redisOf: () => Redis | null = getRedis): SharedBackoffLimiter {
  const local = createBackoffLimiter(options);
  const keyOf = (key: string) => redisKey(`backoff:${name}:${createHash("sha256").update(key).digest("hex")}`);
  const shared = async <T>(run: (redis: Redis & BackoffCommands, key: string) => Promise<T>, key: string, fallback: () => T): Promise<T> => {
    const redis = redisOf();
    if (!redis) return fallback();
    try {
      return await run(withRedisScripts<BackoffCommands>(redis, scripts), keyOf(key));
    } catch (error) {
      warnRedisUnavailable(`${name} backoff`, error);
      return fallback();
    }
  };
  return {
    retryAfterMs: (key) =>
      shared(
        async (r, k) => {
          const [failures, sinceMs] = await r.backoffFailures(k);
          return Math.max(0, backoffWaitMs(failures, options) - sinceMs);
        },
        key,
        () => local.retryAfterMs(key),
      ),
    recordFailure: (key) => shared(async (r, k) => backoffWaitMs(await r.backoffRecord(k, options.forgetAfterMs), options), key, () => local.recordFailure(key)),
    forget: (key) =>
      shared(
        async (r, k) => {
          await r.del(k);
        },
        key,
        () => local.forget(key),
      ),
  };
}
