// One "instance" running a periodic job for the periodic-jobs test: `tsx e2e/support/run-periodic-job.ts`
// with DATABASE_URL, DATA_DIR, JOB_LOG (a file each pass appends "<epoch ms> <pid>" to), JOB_INTERVAL_MS
// and RUN_FOR_MS. Writes "start" and "stop" lines around its life, so the test knows when both ran.
import { appendFileSync } from "node:fs";
import { startPeriodicJob, stopPeriodicJobs } from "@/lib/bootstrap/periodic-jobs";
import { disconnectDb } from "@/lib/db";

const log = process.env.JOB_LOG!;
const line = (what: string) => appendFileSync(log, `${Date.now()} ${process.pid} ${what}\n`);

line("start");
startPeriodicJob({ name: "test-job", intervalMs: Number(process.env.JOB_INTERVAL_MS), run: async () => line("run") });
setTimeout(async () => {
  await stopPeriodicJobs(Date.now() + 1000);
  line("stop");
  await disconnectDb();
  process.exit(0);
}, Number(process.env.RUN_FOR_MS));
