import { z } from "zod";

// Webhook worker tuning. Parsed here rather than in lib/env.ts while the feature settles; documented in
// .env.example. Tests shrink the backoff and poll interval to see retries within seconds.
const settingsSchema = z.object({
  // first retry delay; doubles per attempt (with jitter) up to WEBHOOK_RETRY_MAX_MS
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(60 * 60 * 1000),
  // a delivery is retried for at least this long before it is marked failed
  WEBHOOK_RETRY_WINDOW_HOURS: z.coerce.number().min(0).default(72),
  WEBHOOK_POLL_INTERVAL_MS: z.coerce.number().int().min(50).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
  // "in-process" runs the worker inside the web server; "off" when dedicated `tsx lib/webhooks/run-worker.ts`
  // processes deliver instead
  WEBHOOK_WORKER: z.enum(["in-process", "off"]).default("in-process"),
  // how long a claimed delivery stays leased to its worker; a crashed worker's claims free up after it
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(100).optional(),
});

export type WebhookSettings = {
  retryBaseMs: number;
  retryMaxMs: number;
  retryWindowMs: number;
  pollIntervalMs: number;
  timeoutMs: number;
  inProcessWorker: boolean;
  leaseMs: number;
};

export function getWebhookSettings(): WebhookSettings {
  const parsed = settingsSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid webhook settings: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const s = parsed.data;
  return {
    retryBaseMs: s.WEBHOOK_RETRY_BASE_MS,
    retryMaxMs: Math.max(s.WEBHOOK_RETRY_MAX_MS, s.WEBHOOK_RETRY_BASE_MS),
    retryWindowMs: s.WEBHOOK_RETRY_WINDOW_HOURS * 3600 * 1000,
    pollIntervalMs: s.WEBHOOK_POLL_INTERVAL_MS,
    timeoutMs: s.WEBHOOK_TIMEOUT_MS,
    inProcessWorker: s.WEBHOOK_WORKER === "in-process",
    leaseMs: s.WEBHOOK_LEASE_MS ?? s.WEBHOOK_TIMEOUT_MS * 2 + 30_000,
  };
}
