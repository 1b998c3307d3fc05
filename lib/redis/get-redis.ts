import Redis from "ioredis";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

type Clients = { commands?: Redis; subscriber?: Redis; warnedAt: number };

// One command connection and one subscriber connection per process (a subscribed connection can send
// nothing else). Anchored on globalThis: Next.js route chunks may each evaluate this module.
const KEY = Symbol.for("faceid.redis.clients");
const holder = globalThis as typeof globalThis & { [KEY]?: Clients };
const clients: Clients = (holder[KEY] ??= { warnedAt: 0 });

// Redis is an optimisation of shared state, never a dependency of a request: no offline queue and a
// short command timeout, so an unreachable Redis fails a command in milliseconds and the caller falls
// back (rate limit: the in-process bucket) instead of hanging or answering 500.
function connect(url: string, role: string): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: role === "subscriber",
    maxRetriesPerRequest: 0,
    commandTimeout: role === "subscriber" ? undefined : 500,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    connectionName: `faceid-${role}`,
  });
  client.on("error", (error: Error) => warnRedisUnavailable(role, error));
  return client;
}

/** Logs at most one warning a minute, without the URL (it may hold a password). */
export function warnRedisUnavailable(what: string, error: unknown): void {
  const now = Date.now();
  if (now - clients.warnedAt < 60_000) return;
  clients.warnedAt = now;
  logger.warn("Redis unavailable: falling back to in-process state", { what, error: error instanceof Error ? error.message : String(error) });
}

/** A key or channel name in this deployment's namespace (REDIS_KEY_PREFIX, default "faceid:"). */
export function redisKey(name: string): string {
  return `${getEnv().REDIS_KEY_PREFIX}${name}`;
}

/** Lua that sets `now` to Redis's clock in ms: scripts time by it, so the instances' clocks need not agree. */
export const LUA_NOW_MS = "local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)";

/**
 * `redis` with each of `scripts` (one key each) defined as a command of that name, once per connection:
 * ioredis sends EVALSHA and falls back to EVAL once when the script is not cached yet.
 */
export function withRedisScripts<Commands>(redis: Redis, scripts: Record<keyof Commands & string, string>): Redis & Commands {
  for (const [name, lua] of Object.entries<string>(scripts)) {
    if (typeof (redis as unknown as Record<string, unknown>)[name] !== "function") redis.defineCommand(name, { numberOfKeys: 1, lua });
  }
  return redis as Redis & Commands;
}

/** The shared command connection, or null when REDIS_URL is unset. */
export function getRedis(): Redis | null {
  const url = getEnv().REDIS_URL;
  if (!url) return null;
  clients.commands ??= connect(url, "commands");
  return clients.commands;
}

/** The connection that only listens (pub/sub), or null when REDIS_URL is unset. */
export function getRedisSubscriber(): Redis | null {
  const url = getEnv().REDIS_URL;
  if (!url) return null;
  clients.subscriber ??= connect(url, "subscriber");
  return clients.subscriber;
}

/**
 * Opens the connections at start-up and waits (up to `timeoutMs`) for the command connection, so the
 * first requests already share the limit: without an offline queue, a command sent while connecting
 * fails and that request would be limited in process. Never throws: an unreachable Redis is logged.
 */
export async function connectRedisAtStart(timeoutMs = 3_000): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  getRedisSubscriber();
  if (redis.status === "ready") return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      warnRedisUnavailable("start-up", new Error(`not connected within ${timeoutMs} ms`));
      resolve();
    }, timeoutMs);
    redis.once("ready", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export async function disconnectRedis(): Promise<void> {
  const { commands, subscriber } = clients;
  clients.commands = clients.subscriber = undefined;
  commands?.disconnect();
  subscriber?.disconnect();
}
