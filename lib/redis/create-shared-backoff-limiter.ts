import { createHash } from "node:crypto";
import type Redis from "ioredis";
import { createBackoffLimiter, type BackoffLimiterOptions } from "@/lib/auth/create-backoff-limiter";
import { getRedis, redisKey, warnRedisUnavailable } from "@/lib/redis/get-redis";

// The backoff of create-backoff-limiter.ts, counted in Redis when REDIS_URL is set so a guesser gains
// nothing by spreading tries over the instances; in process otherwise, and while Redis fails (then
// each instance counts alone, as without Redis). One hash per key, expiring forgetAfterMs after the
// last failure; keys are hashed, so Redis holds no email or address. Redis's clock times the waits.
const NOW = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";
const RECORD = `${NOW}
local failures = (tonumber(redis.call('HGET', KEYS[1], 'failures')) or 0) + 1
local over = failures - tonumber(ARGV[1])
local wait = 0
if over > 0 then wait = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ math.min(over - 1, 40)) end
redis.call('HSET', KEYS[1], 'failures', failures, 'blocked', tostring(now + wait))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]))
return wait`;
const RETRY_AFTER = `${NOW}
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked'))
if not blocked then return 0 end
return math.max(0, blocked - now)`;

export type SharedBackoffLimiter = {
  retryAfterMs: (key: string) => Promise<number>;
  recordFailure: (key: string) => Promise<number>;
  forget: (key: string) => Promise<void>;
};

type ScriptedRedis = Redis & {
  backoffRecord: (key: string, free: number, base: number, max: number, forget: number) => Promise<number>;
  backoffRetryAfter: (key: string) => Promise<number>;
};

function scripted(redis: Redis): ScriptedRedis {
  const r = redis as ScriptedRedis;
  if (typeof r.backoffRecord !== "function") {
    redis.defineCommand("backoffRecord", { numberOfKeys: 1, lua: RECORD });
    redis.defineCommand("backoffRetryAfter", { numberOfKeys: 1, lua: RETRY_AFTER });
  }
  return r;
}

export function createSharedBackoffLimiter(name: string, options: BackoffLimiterOptions, redisOf: () => Redis | null = getRedis): SharedBackoffLimiter {
  const local = createBackoffLimiter(options);
  const keyOf = (key: string) => redisKey(`backoff:${name}:${createHash("sha256").update(key).digest("hex")}`);
  const shared = async <T>(run: (redis: ScriptedRedis, key: string) => Promise<T>, key: string, fallback: () => T): Promise<T> => {
    const redis = redisOf();
    if (!redis) return fallback();
    try {
      return await run(scripted(redis), keyOf(key));
    } catch (error) {
      warnRedisUnavailable(`${name} backoff`, error);
      return fallback();
    }
  };
  return {
    retryAfterMs: (key) => shared((r, k) => r.backoffRetryAfter(k), key, () => local.retryAfterMs(key)),
    recordFailure: (key) => shared((r, k) => r.backoffRecord(k, options.freeFailures, options.baseDelayMs, options.maxDelayMs, options.forgetAfterMs), key, () => local.recordFailure(key)),
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
