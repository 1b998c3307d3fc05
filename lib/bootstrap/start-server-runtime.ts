import { bootstrapInstance } from "@/lib/bootstrap/bootstrap-instance";
import { markBootstrapped } from "@/lib/bootstrap/server-state";
import { installGracefulShutdown } from "@/lib/bootstrap/shut-down-gracefully";
import { trackHttpRequests } from "@/lib/bootstrap/track-http-requests";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

// Start-up: a broken configuration or unreachable database stops the process with a clear message
// rather than serving errors. SIGTERM/SIGINT drain the instance first (shut-down-gracefully.ts).
export async function startServerRuntime(): Promise<void> {
  trackHttpRequests();
  installGracefulShutdown();
  try {
    const env = getEnv();
    process.env.NEXTAUTH_URL ??= env.publicUrl;
    await bootstrapInstance();
    // with REDIS_URL: connected before /readyz says ready, so the first requests share the limit
    await (await import("@/lib/redis/get-redis")).connectRedisAtStart();
    markBootstrapped();
    // Warm the face models so the first check is fast; /readyz reports them. A failure here leaves the
    // console and API up (checks answer 503) rather than stopping the process.
    // Then templates made by an earlier recogniser are re-embedded from their kept images, in the background.
    const { getDb } = await import("@/lib/db");
    const { reembedStaleTemplates } = await import("@/lib/templates/reembed-stale-templates");
    void (await import("@/lib/vision"))
      .loadVisionModels()
      .then(
        () => reembedStaleTemplates(getDb()).catch((error: Error) => logger.error("face templates were not re-embedded", { error: error.message })),
        (error: Error) => logger.error("face models failed to load", { error: error.message }),
      );
    // with REDIS_URL: following other instances' face enrolments and deletions at once
    (await import("@/lib/search/follow-face-template-changes")).followFaceTemplateChanges();
    (await import("@/lib/webhooks/worker")).startWebhookWorker();
    (await import("@/lib/sessions/sweep-session-deadlines")).startSessionSweeper();
    (await import("@/lib/retention/start-retention-job")).startRetentionJob();
    logger.info("faceid ready", { url: env.publicUrl, database: env.databaseProvider, dataDir: env.dataDir });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    markBootstrapped(message);
    logger.error("start-up failed", { error: message });
    process.exit(1);
  }
}
