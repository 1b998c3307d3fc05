// Dedicated delivery process: `tsx lib/webhooks/run-worker.ts` with the same DATABASE_URL and
// ENCRYPTION_KEY (or DATA_DIR) as the web servers, which then run with WEBHOOK_WORKER=off. Several of
// these may run side by side; claims keep them from sending the same attempt twice.
import { disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { releaseHeldDeliveries } from "@/lib/webhooks/release-held-deliveries";
import { startWebhookWorker } from "@/lib/webhooks/worker";

const worker = startWebhookWorker({ standalone: true });

async function shutdown(signal: string): Promise<void> {
  logger.info("webhook worker stopping", { signal });
  // in-flight attempts finish first, within SHUTDOWN_TIMEOUT_MS; deliveries still held are handed back at
  // once, as a web instance does on shutdown, so another worker sends them without waiting for the lease
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, getEnv().SHUTDOWN_TIMEOUT_MS).unref());
  await Promise.race([worker?.stop(), timeout]);
  const released = worker ? await releaseHeldDeliveries(worker.db, worker.workerId).catch(() => 0) : 0;
  logger.info("webhook worker stopped", { signal, releasedWebhookDeliveries: released });
  await disconnectDb();
  process.exit(0);
}

process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
