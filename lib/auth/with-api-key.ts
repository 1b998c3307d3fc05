import type { NextRequest, NextResponse } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { applicationSettingsOf, type ApplicationSettings } from "@/lib/applications/application-settings";
import { findApiKey } from "@/lib/auth/api-keys";
import { takeApiKeyToken } from "@/lib/auth/take-api-key-token";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getClientIp } from "@/lib/ip/client-ip";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";
import { createSharedBackoffLimiter } from "@/lib/redis/create-shared-backoff-limiter";

export type ApiContext = {
  application: { id: string; name: string; isSandbox: boolean };
  settings: ApplicationSettings;
  apiKeyId: string;
};

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: NextRequest, ctx: ApiContext, route: RouteParams) => Promise<NextResponse | Response>;

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

// Wrong keys per client address: 10 free, then 1 s, 2 s, 4 s ... up to 5 minutes between tries.
// While an address waits, every keyed request from it gets 429 before the key is even looked up:
// answering a right key normally would tell a guesser which guess was right, which is exactly the
// rate this bounds. A generated key (32 random bytes) is beyond guessing anyway; this protects
// weaker operator-chosen keys and keeps a flood of guesses off the database. Revoked keys are known,
// not guesses, and do not count. Counted across instances with REDIS_URL.
const wrongKeys = createSharedBackoffLimiter("wrong-key", { freeFailures: 10, baseDelayMs: 1000, maxDelayMs: 5 * 60 * 1000, forgetAfterMs: 3600 * 1000, maxEntries: 50_000 });

function throttled(ms: number): AppError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return new AppError("rate_limited", `Too many requests with a wrong API key from this address; retry in ${seconds} s.`, { headers: { "Retry-After": String(seconds) } });
}

// Every /v3 handler runs inside this: x-api-key -> application, per-key rate limit, one error shape.
export function withApiKey(handler: Handler) {
  return withRequestMetrics(async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      const key = req.headers.get("x-api-key");
      if (!key) throw new AppError("unauthorized", "Missing API key: send it in the x-api-key header.");
      const address = getClientIp(req.headers) ?? "unknown";
      const wait = await wrongKeys.retryAfterMs(address);
      if (wait > 0) throw throttled(wait);
      const db = getDb();
      const record = await findApiKey(db, key);
      if (!record) {
        const imposed = await wrongKeys.recordFailure(address);
        if (imposed > 0) throw throttled(imposed);
        throw new AppError("unauthorized", "Invalid or revoked API key.");
      }
      // a revoked key is not counted: a backend still sending it after a rotation must not get its
      // new key throttled on the same address
      if (record.revokedAt) throw new AppError("unauthorized", "Invalid or revoked API key.");
      const limit = await takeApiKeyToken(record.id, getEnv().RATE_LIMIT_PER_MINUTE);
      if (!limit.allowed) {
        throw new AppError("rate_limited", `Too many requests for this API key; retry in ${limit.retryAfterSeconds} s.`, {
          headers: { "Retry-After": String(limit.retryAfterSeconds) },
        });
      }
      const now = Date.now();
      if (now - (lastUsedWrites.get(record.id) ?? 0) > LAST_USED_RESOLUTION_MS) {
        lastUsedWrites.set(record.id, now);
        await db.apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date(now) } });
      }
      const { application } = record;
      return await handler(req, { application: { id: application.id, name: application.name, isSandbox: application.isSandbox }, settings: applicationSettingsOf(application), apiKeyId: record.id }, route);
    } catch (error) {
      return handleApiError(error);
    }
  });
}
