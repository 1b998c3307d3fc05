import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { runRetention } from "@/lib/retention/run-retention";

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;
const globalForRetention = globalThis as unknown as { faceidRetention?: NodeJS.Timeout };

// Runs retention a minute after start and then daily. Each pass is idempotent, so several instances
// running it at once only repeat deletes that find nothing. Timers are unref'd: they never keep the
// process alive on shutdown.
export function startRetentionJob(): void {
  if (globalForRetention.faceidRetention) return;
  const pass = () =>
    runRetention(getDb())
      .then((totals) => logger.info("retention pass done", totals))
      .catch((error: Error) => logger.error("retention pass failed", { error: error.message }));
  setTimeout(pass, FIRST_RUN_DELAY_MS).unref();
  globalForRetention.faceidRetention = setInterval(pass, DAY_MS);
  globalForRetention.faceidRetention.unref();
}
