import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { createPostgresDatabase } from "../support/test-server";

const root = path.resolve(import.meta.dirname, "..", "..");
const INTERVAL_MS = 400;

type Line = { at: number; pid: number; what: string };

function runInstance(env: Record<string, string>): Promise<number | null> {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "support", "run-periodic-job.ts")], { cwd: root, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve) => child.once("exit", resolve));
}

// Two processes (two instances) tick the same periodic job on one PostgreSQL: while both run, the job
// runs once per interval, not once per interval per instance; when the one running it stops, the other
// takes over.
describe("one runner per interval for periodic jobs (postgresql)", () => {
  let dir: string;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "faceid-jobs-"));
    ({ url: databaseUrl, drop } = await createPostgresDatabase());
    await migrateDatabase({ provider: "postgresql", databaseUrl });
  });
  afterAll(async () => {
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs each pass on one instance and hands over when it stops", async () => {
    const log = path.join(dir, "job.log");
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dir, JOB_LOG: log, JOB_INTERVAL_MS: String(INTERVAL_MS) };
    const codes = await Promise.all([runInstance({ ...env, RUN_FOR_MS: "6000" }), runInstance({ ...env, RUN_FOR_MS: "10000" })]);
    expect(codes).toEqual([0, 0]);

    const lines: Line[] = readFileSync(log, "utf8").trim().split("\n").map((l) => l.split(" ")).map(([at, pid, what]) => ({ at: Number(at), pid: Number(pid), what }));
    const starts = lines.filter((l) => l.what === "start");
    const stops = lines.filter((l) => l.what === "stop").sort((x, y) => x.at - y.at);
    const runs = lines.filter((l) => l.what === "run");
    // while both ran: one pass per interval (the lease is 95% of it), where each alone would make one
    const bothFrom = Math.max(...starts.map((s) => s.at));
    const bothUntil = stops[0].at;
    const window = bothUntil - bothFrom;
    expect(window).toBeGreaterThan(5 * INTERVAL_MS);
    const together = runs.filter((r) => r.at >= bothFrom && r.at <= bothUntil);
    // (the lower bound is loose: timers fire late on a loaded machine; the upper bound is the point)
    expect(together.length).toBeGreaterThanOrEqual(Math.floor(window / INTERVAL_MS / 2));
    expect(together.length).toBeLessThanOrEqual(Math.ceil(window / (0.95 * INTERVAL_MS)) + 1);
    // after the first stopped, the survivor runs every pass
    const survivor = stops[1].pid;
    const after = runs.filter((r) => r.at > bothUntil + INTERVAL_MS);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(after.every((r) => r.pid === survivor)).toBe(true);
  }, 60_000);
});
