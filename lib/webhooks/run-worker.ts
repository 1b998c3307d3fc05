// Dedicated delivery process: `tsx lib/webhooks/run-worker.ts` with the same DATABASE_URL and
// ENCRYPTION_KEY (or DATA_DIR) as the web servers, which then run with WEBHOOK_WORKER=off. Several of
// these may run side by side; claims keep them from sending the same attempt twice.
import { disconnectDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { startWebhookWorker } from "@/lib/webhooks/worker";

const worker = startWebhookWorker({ standalone: true });

async function shutdown(signal: string): Promise<void> {
  logger.info("webhook worker stopping", { signal });
  // in-flight attempts finish first; anything left keeps its lease and is retried after it expires
  await worker?.stop();
  await disconnectDb();
  process.exit(0);
}

process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
