import { startPeriodicJob } from "@/lib/bootstrap/periodic-jobs";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { runRetention } from "@/lib/retention/run-retention";

const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 60 * 1000;

// Runs retention a minute after start and then daily, one pass per day across all instances (on
// PostgreSQL the pass takes a lease first: lib/db/claim-job-run.ts). RETENTION_INTERVAL_MS shortens the
// day for tests.
export function startRetentionJob(): void {
  startPeriodicJob({
    name: "retention",
    intervalMs: Number(process.env.RETENTION_INTERVAL_MS ?? DAY_MS),
    firstDelayMs: Number(process.env.RETENTION_FIRST_RUN_DELAY_MS ?? FIRST_RUN_DELAY_MS),
    run: async () => logger.info("retention pass done", await runRetention(getDb())),
  });
}
