import { takeRateLimitToken, type RateLimitResult } from "@/lib/auth/rate-limit";
import { getRedis, warnRedisUnavailable } from "@/lib/redis/get-redis";
import { takeRedisToken } from "@/lib/redis/take-redis-token";

// The per-key API rate limit: one bucket shared by every instance when REDIS_URL is set, else this
// process's own. When Redis fails at run time the request is limited by the in-process bucket and a
// warning is logged (at most once a minute): a Redis outage loosens the limit to "per instance" for
// its duration, it never refuses or fails requests.
export async function takeApiKeyToken(apiKeyId: string, limitPerMinute: number): Promise<RateLimitResult> {
  const redis = getRedis();
  if (redis) {
    try {
      return await takeRedisToken(redis, apiKeyId, limitPerMinute);
    } catch (error) {
      warnRedisUnavailable("rate limit", error);
    }
  }
  return takeRateLimitToken(apiKeyId, limitPerMinute);
}
