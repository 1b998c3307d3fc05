import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// Starts the real production server (next start) on a free port with its own DATA_DIR and database:
// a fresh SQLite file, or a fresh PostgreSQL database created for this server and dropped afterwards.
export type DbProvider = "sqlite" | "postgresql";
export const dbProviders: DbProvider[] = ["sqlite", "postgresql"];

export type TestServer = {
  url: string;
  /** the server process (next start) */
  pid: number;
  port: number;
  dataDir: string;
  databaseUrl: string;
  output: () => string;
  /** the server process's exit code (null when a signal ended it) */
  exited: Promise<number | null>;
  stop: (options?: { signal?: NodeJS.Signals; keepData?: boolean }) => Promise<void>;
};

const root = path.resolve(import.meta.dirname, "..", "..");
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
// Redis runs on 6379 on every machine of this project and in CI (.ci/run starts it)
export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `faceid_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: postgresAdminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function waitForReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output()}`);
}

export async function startTestServer(options: { provider?: DbProvider; env?: Record<string, string>; dataDir?: string; databaseUrl?: string } = {}): Promise<TestServer> {
  const provider = options.provider ?? "sqlite";
  const port = await getFreePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), "faceid-test-"));
  const pgDb = provider === "postgresql" && !options.databaseUrl ? await createPostgresDatabase() : null;
  const databaseUrl = options.databaseUrl ?? pgDb?.url ?? `file:${path.join(dataDir, "faceid.db")}`;
  const url = `http://127.0.0.1:${port}`;
  let log = "";
  const child = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: {
      // as npm start runs it (scripts/start.mjs)
      MALLOC_ARENA_MAX: "2",
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: url,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1",
      // receivers listen on random ports; the SSRF tests set the production list
      WEBHOOK_ALLOWED_PORTS: "*",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const output = () => log;
  const stop: TestServer["stop"] = async ({ signal = "SIGTERM", keepData = false } = {}) => {
    if (child.exitCode === null) {
      child.kill(signal);
      await exited;
    }
    if (keepData) return;
    await pgDb?.drop();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForReady(url, child, output, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, port, dataDir, databaseUrl, output, exited, stop };
}
