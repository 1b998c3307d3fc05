import { hostname } from "node:os";
import { getDb, type Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { deliverDueWebhooks } from "@/lib/webhooks/deliver-due";
import { getWebhookSettings } from "@/lib/webhooks/settings";
import { setWorkerHandle } from "@/lib/webhooks/wake-worker";

export type WebhookWorker = { workerId: string; db: Db; stop: () => Promise<void>; wake: () => void };

const running = globalThis as unknown as { faceidWebhookWorkerRunning?: WebhookWorker };

/**
 * Starts the delivery loop: drain due deliveries, then sleep for the poll interval or until woken by an
 * enqueue in this process. The web server starts it at boot unless WEBHOOK_WORKER=off; run-worker.ts
 * starts it with `standalone: true` in its own process. Any number of workers may share one database.
 */
export function startWebhookWorker(options: { db?: Db; standalone?: boolean } = {}): WebhookWorker | undefined {
  const settings = getWebhookSettings();
  if (!options.standalone && !settings.inProcessWorker) return undefined;
  if (running.faceidWebhookWorkerRunning) return running.faceidWebhookWorkerRunning;
  const db = options.db ?? getDb();
  const workerId = `${hostname()}:${process.pid}`;
  let stopped = false;
  let woken = false;
  let interrupt: (() => void) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken) return resolve();
      const timer = setTimeout(resolve, ms);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = async () => {
    while (!stopped) {
      woken = false;
      try {
        while (!stopped && (await deliverDueWebhooks(db, { workerId, settings })) > 0) {
          // backlog: keep draining before sleeping
        }
      } catch (error) {
        logger.error("webhook worker pass failed", { error: error instanceof Error ? error.message : String(error) });
      }
      if (!stopped) await sleep(settings.pollIntervalMs);
      interrupt = undefined;
    }
  };
  const done = loop();

  const worker: WebhookWorker = {
    workerId,
    db,
    wake,
    stop: async () => {
      stopped = true;
      interrupt?.();
      await done;
      setWorkerHandle(undefined);
      running.faceidWebhookWorkerRunning = undefined;
    },
  };
  running.faceidWebhookWorkerRunning = worker;
  setWorkerHandle({ wake });
  logger.info("webhook worker started", { workerId, mode: options.standalone ? "standalone" : "in-process", pollIntervalMs: settings.pollIntervalMs });
  return worker;
}

/** The worker this process runs, if any (for the shutdown). */
export const getRunningWebhookWorker = () => running.faceidWebhookWorkerRunning;
