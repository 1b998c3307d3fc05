import { hostname } from "node:os";
import { getDb } from "@/lib/db";
import { claimJobRun } from "@/lib/db/claim-job-run";
import { logger } from "@/lib/logger";

export type PeriodicJob = { name: string; intervalMs: number; firstDelayMs?: number; run: () => Promise<unknown> };

type Registry = { timers: Map<string, NodeJS.Timeout[]>; running: Set<Promise<void>> };
const holder = globalThis as unknown as { faceidPeriodicJobs?: Registry };
const registry = () => (holder.faceidPeriodicJobs ??= { timers: new Map(), running: new Set() });

// The lease is a little shorter than the interval, so the instance that ran the last pass can take the
// next one even if its timer fires a few milliseconds early; another instance can take it only after
// 95% of the interval. Either way: one pass per interval across all instances.
const leaseFor = (intervalMs: number) => Math.max(1, Math.floor(intervalMs * 0.95));

async function pass(job: PeriodicJob): Promise<void> {
  try {
    if (!(await claimJobRun(getDb(), { name: job.name, holder: `${hostname()}:${process.pid}`, leaseMs: leaseFor(job.intervalMs) }))) return;
    await job.run();
  } catch (error) {
    logger.error(`${job.name} failed`, { error: error instanceof Error ? error.message : String(error) });
  }
}

function tick(job: PeriodicJob): void {
  const running = pass(job);
  registry().running.add(running);
  void running.finally(() => registry().running.delete(running));
}

/** Runs `job` every intervalMs (first after firstDelayMs), on one instance per interval. Timers are unref'd. */
export function startPeriodicJob(job: PeriodicJob): void {
  const { timers } = registry();
  if (timers.has(job.name)) return;
  const list: NodeJS.Timeout[] = [setInterval(() => tick(job), job.intervalMs)];
  if (job.firstDelayMs !== undefined) list.push(setTimeout(() => tick(job), job.firstDelayMs));
  for (const t of list) t.unref();
  timers.set(job.name, list);
}

/** Shutdown: no new passes; waits for the running ones up to `deadline` (epoch ms). */
export async function stopPeriodicJobs(deadline: number): Promise<void> {
  const { timers, running } = registry();
  for (const list of timers.values()) for (const t of list) clearTimeout(t);
  timers.clear();
  const left = deadline - Date.now();
  if (running.size && left > 0) await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, left).unref())]);
}
