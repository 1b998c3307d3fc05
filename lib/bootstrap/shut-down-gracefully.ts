import { stopPeriodicJobs } from "@/lib/bootstrap/periodic-jobs";
import { markDraining } from "@/lib/bootstrap/server-state";
import { closeHttpServers } from "@/lib/bootstrap/track-http-requests";
import { waitForWork, workInFlight } from "@/lib/bootstrap/track-work";
import { disconnectDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";
import { disconnectRedis } from "@/lib/redis/get-redis";
import { releaseHeldDeliveries } from "@/lib/webhooks/release-held-deliveries";
import { getRunningWebhookWorker } from "@/lib/webhooks/worker";

const settle = (promise: Promise<unknown>, deadline: number) => Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), Math.max(0, deadline - Date.now())).unref())]);

// SIGTERM: /readyz answers 503 and new checks and capture submissions are refused (503 + Retry-After)
// at once; checks, submissions and webhook attempts already running finish, within SHUTDOWN_TIMEOUT_MS
// in all; then the listeners close, the requests still open finish, the webhook deliveries still held
// are released for another instance, periodic jobs stop, connections close, and the process exits 0.
export async function shutDownGracefully(signal: string): Promise<void> {
  const started = Date.now();
  const deadline = started + getEnv().SHUTDOWN_TIMEOUT_MS;
  markDraining();
  logger.info("shutting down: not ready, refusing new work, finishing work in flight", { signal, inFlight: workInFlight(), timeoutMs: getEnv().SHUTDOWN_TIMEOUT_MS });
  const worker = getRunningWebhookWorker();
  const workerStopped = worker ? settle(worker.stop(), deadline) : Promise.resolve(true);
  const jobsStopped = stopPeriodicJobs(deadline);
  const workDone = await waitForWork(deadline);
  const requestsLeft = await closeHttpServers(deadline);
  await Promise.all([workerStopped, jobsStopped]);
  const released = worker ? await releaseHeldDeliveries(worker.db, worker.workerId).catch(() => 0) : 0;
  await disconnectRedis();
  await disconnectDb().catch(() => undefined);
  const summary = { signal, ms: Date.now() - started, releasedWebhookDeliveries: released };
  if (!workDone || requestsLeft) logger.warn("shutdown timeout reached: work still in flight was cut", { ...summary, checks: workInFlight(), requests: requestsLeft });
  else logger.info("shut down cleanly", summary);
  process.exit(0);
}

// Next.js's own SIGTERM handler closes the server at once and exits 143; this replaces it (when the
// operator has not asked Next.js to leave signals alone with NEXT_MANUAL_SIG_HANDLE). A second signal
// during the drain changes nothing: npm start forwards the terminal's Ctrl+C, so one press arrives twice.
export function installGracefulShutdown(): void {
  let shuttingDown = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    if (!process.env.NEXT_MANUAL_SIG_HANDLE) process.removeAllListeners(signal);
    process.on(signal, () => {
      if (shuttingDown) return;
      shuttingDown = true;
      void shutDownGracefully(signal);
    });
  }
}
