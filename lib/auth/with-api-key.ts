import type { NextRequest, NextResponse } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { applicationSettingsOf, type ApplicationSettings } from "@/lib/applications/application-settings";
import { findActiveApiKey } from "@/lib/auth/api-keys";
import { takeRateLimitToken } from "@/lib/auth/rate-limit";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type ApiContext = {
  application: { id: string; name: string; isSandbox: boolean };
  settings: ApplicationSettings;
  apiKeyId: string;
};

type RouteParams = { params: Promise<Record<string, string | string[]>> };
type Handler = (req: NextRequest, ctx: ApiContext, route: RouteParams) => Promise<NextResponse | Response>;

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

// Every /v3 handler runs inside this: x-api-key -> application, per-key rate limit, one error shape.
export function withApiKey(handler: Handler) {
  return async (req: NextRequest, route: RouteParams): Promise<Response> => {
    try {
      const key = req.headers.get("x-api-key");
      if (!key) throw new AppError("unauthorized", "Missing API key: send it in the x-api-key header.");
      const db = getDb();
      const record = await findActiveApiKey(db, key);
      if (!record) throw new AppError("unauthorized", "Invalid or revoked API key.");
      const limit = takeRateLimitToken(record.id, getEnv().RATE_LIMIT_PER_MINUTE);
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
  };
}
