import { logger } from "@/lib/logger";
import { getRedis, getRedisSubscriber, redisKey, warnRedisUnavailable } from "@/lib/redis/get-redis";
import { listFaceIndexes } from "./get-face-index";
import { getSyncedFaceIndex } from "./sync-face-index";

// Face templates change on one instance; every instance's in-memory index must follow at once. After
// its transaction commits, the writer publishes the application's id on one Redis channel; each
// instance (the writer too) re-syncs the indexes it holds for that application right away, in the
// background, so the next search there finds them current. A lost message (Redis down, a restart) is
// harmless: every search still runs the count/newest check of sync-face-index.ts first.
const CHANNEL = "face-templates";
const KEY = Symbol.for("faceid.search.following");
const holder = globalThis as typeof globalThis & { [KEY]?: boolean };

/** Announces that `applicationId`'s templates changed (call after the commit). Never throws. */
export function announceFaceTemplatesChanged(applicationId: string): void {
  const redis = getRedis();
  if (!redis) return;
  redis.publish(redisKey(CHANNEL), applicationId).catch((error: unknown) => warnRedisUnavailable("face index signal", error));
}

function refresh(applicationId?: string): void {
  for (const held of listFaceIndexes()) {
    if (applicationId && held.applicationId !== applicationId) continue;
    getSyncedFaceIndex(held.applicationId, held.modelId, { fresh: true }).catch((error: Error) => logger.warn("face index refresh failed", { error: error.message }));
  }
}

/** Subscribes this process to the change signals (once; nothing without REDIS_URL). */
export function followFaceTemplateChanges(): void {
  const subscriber = getRedisSubscriber();
  if (!subscriber || holder[KEY]) return;
  holder[KEY] = true;
  let connectedBefore = false;
  subscriber.on("message", (channel: string, applicationId: string) => {
    if (channel === redisKey(CHANNEL)) refresh(applicationId);
  });
  // ioredis re-subscribes after a reconnect; signals sent meanwhile were lost, so catch up on all
  subscriber.on("ready", () => {
    if (connectedBefore) refresh();
    connectedBefore = true;
  });
  subscriber.subscribe(redisKey(CHANNEL)).catch((error: unknown) => warnRedisUnavailable("face index signal", error));
}
