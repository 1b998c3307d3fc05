import type Redis from "ioredis";
import type { RateLimitResult } from "@/lib/auth/rate-limit";
import { LUA_NOW_MS, redisKey, withRedisScripts } from "@/lib/redis/get-redis";

// The same token bucket as lib/auth/rate-limit.ts, held in Redis and updated by one Lua script, so
// the check-and-take is atomic across every instance. Time is Redis's own clock (TIME), so the
// instances' clocks need not agree. The hash expires once a full bucket would have refilled.
const SCRIPT = `${LUA_NOW_MS}
local capacity = tonumber(ARGV[1])
local perMs = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * perMs)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / perMs) + 1000)
if allowed == 1 then return {1, 0} end
return {0, math.max(1, math.ceil((1 - tokens) / perMs / 1000))}
`;

type TokenBucketCommands = { takeToken: (key: string, capacity: number, perMs: number) => Promise<[number, number]> };

/** Takes one token of `key`'s bucket (`limitPerMinute` a minute, bursts up to it); throws when Redis fails. */
export async function takeRedisToken(redis: Redis, key: string, limitPerMinute: number): Promise<RateLimitResult> {
  const [allowed, retryAfterSeconds] = await withRedisScripts<TokenBucketCommands>(redis, { takeToken: SCRIPT }).takeToken(redisKey(`rate:${key}`), limitPerMinute, limitPerMinute / 60_000);
  return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds };
}
