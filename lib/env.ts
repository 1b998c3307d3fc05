import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/ip/parse-trusted-proxies";
import { emailSchema } from "@/lib/validation/email";

// The operator contract (DESIGN.md) plus the project's own settings, parsed once. Every variable is
// documented in .env.example.
const flag = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

// "80,443" -> [80, 443]; "*" -> any port (tests with receivers on random ports).
const portList = z
  .string()
  .trim()
  .regex(/^(\*|\d{1,5}(\s*,\s*\d{1,5})*)$/, "a comma-separated list of ports, or *")
  .transform((v) => (v === "*" ? ("any" as const) : v.split(",").map((p) => Number(p.trim()))))
  .refine((v) => v === "any" || v.every((p) => p >= 1 && p <= 65535), "ports are 1-65535");

const envSchema = z.object({
  NODE_ENV: z.string().default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z.string().optional(),
  PUBLIC_URL: z.string().url().optional(),
  ENCRYPTION_KEY: z.string().optional(),
  ENCRYPTION_KEY_PREVIOUS: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  // whoever learns it can use the API as the sandbox application: long enough not to be guessed
  SEED_API_KEY: z
    .string()
    .min(20, "must be at least 20 characters (for example the output of `openssl rand -hex 24`)")
    .optional(),
  ADMIN_EMAIL: emailSchema.optional(),
  ADMIN_PASSWORD: z.string().min(8).optional(),
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: flag,
  WEBHOOK_ALLOWED_PORTS: portList.default([80, 443, 8080, 8443]),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  // an absolute limit from sign-in (fractions allowed: tests use a few seconds)
  CONSOLE_SESSION_HOURS: z.coerce.number().min(0.001).max(24 * 30).default(8),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  // a request body (JSON or multipart) must arrive whole within this time, or 408
  BODY_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // on SIGTERM, how long in-flight checks, capture submissions and requests may take to finish
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  // admission of the face checks and of the uploads feeding them (lib/api/get-admission-gates.ts)
  MAX_CONCURRENT_CHECKS: z.coerce.number().int().min(1).default(10),
  MAX_CHECKS_PER_APPLICATION: z.coerce.number().int().min(1).optional(),
  CHECK_QUEUE_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  MAX_CONCURRENT_UPLOADS: z.coerce.number().int().min(1).optional(),
  MAX_UPLOADS_PER_APPLICATION: z.coerce.number().int().min(1).optional(),
  // addresses/CIDRs whose X-Forwarded-For is believed; none by default (the socket address is used)
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  // shared rate limits and face-index signals across instances (lib/redis); unset: all in process
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be redis://... or rediss://...")
    .optional(),
  // prefix of every Redis key and channel: several deployments (staging, production) may share a Redis
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, "letters, digits and _ . : - (at most 64)")
    .default("faceid:"),
  // bearer token for GET /metrics; unset: /metrics answers 404
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters (for example `openssl rand -hex 24`)").optional(),
});

export type Env = z.infer<typeof envSchema> & {
  dataDir: string;
  databaseUrl: string;
  databaseProvider: "sqlite" | "postgresql";
  publicUrl: string;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const databaseUrl = env.DATABASE_URL || `file:${path.join(dataDir, "faceid.db")}`;
  const databaseProvider = /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgresql" : "sqlite";
  if (databaseProvider === "sqlite" && !databaseUrl.startsWith("file:")) {
    throw new Error("DATABASE_URL must be postgresql://... or file:<path> (SQLite)");
  }
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  cached = { ...env, dataDir, databaseUrl, databaseProvider, publicUrl };
  return cached;
}

// Tests start several servers in one process tree; they reset the cache after changing process.env.
export function resetEnvCache(): void {
  cached = undefined;
}
