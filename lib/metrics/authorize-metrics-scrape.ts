import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

// /metrics shows traffic, tenants' load and queue depths: only for the scraper holding METRICS_TOKEN.
// Unset, the endpoint does not exist (404), so a deployment that never configured it exposes nothing.
// Both sides are hashed first so the comparison takes the same time whatever the length or prefix.
export function authorizeMetricsScrapeOrThrow(headers: Headers): void {
  const token = getEnv().METRICS_TOKEN;
  if (!token) throw new AppError("not_found", "Metrics are disabled: set METRICS_TOKEN to enable GET /metrics.");
  const sent = /^Bearer\s+(.+)$/i.exec(headers.get("authorization") ?? "")?.[1]?.trim() ?? "";
  if (!timingSafeEqual(digest(sent), digest(token))) {
    throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.", { headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  }
}
