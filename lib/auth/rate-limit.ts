// Token bucket per API key, in process memory: `limit` requests a minute with bursts up to `limit`.
// Used without REDIS_URL (and while Redis is unreachable): then each instance enforces its own bucket;
// with Redis the bucket is shared (take-api-key-token.ts).
type Bucket = { tokens: number; updatedAt: number };

const buckets = new Map<string, Bucket>();

export type RateLimitResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function takeRateLimitToken(key: string, limitPerMinute: number, now = Date.now()): RateLimitResult {
  const perMs = limitPerMinute / 60_000;
  const bucket = buckets.get(key) ?? { tokens: limitPerMinute, updatedAt: now };
  bucket.tokens = Math.min(limitPerMinute, bucket.tokens + (now - bucket.updatedAt) * perMs);
  bucket.updatedAt = now;
  buckets.set(key, bucket);
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return { allowed: true };
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
}

export function resetRateLimits(): void {
  buckets.clear();
}
