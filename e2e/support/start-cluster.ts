import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startRoundRobinProxy, type RoundRobinProxy } from "./round-robin-proxy";
import { createPostgresDatabase, startTestServer, testRedisUrl, type TestServer } from "./test-server";

// Several instances of the production server as if on separate machines: each its own DATA_DIR, all
// sharing one fresh PostgreSQL database, one Redis (a key prefix of its own per run), the secrets
// and the public URL of the round-robin proxy in front of them.
export type Cluster = {
  proxy: RoundRobinProxy;
  instances: TestServer[];
  env: Record<string, string>;
  databaseUrl: string;
  /** kill -9, as a machine that loses power: nothing is cleaned up */
  kill: (index: number) => Promise<void>;
  /** starts the instance again on its DATA_DIR and puts it back behind the proxy once it is ready */
  restart: (index: number) => Promise<void>;
  stop: () => Promise<void>;
};

async function waitUntil(probe: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startCluster(options: { size: number; env?: Record<string, string> }): Promise<Cluster> {
  const db = await createPostgresDatabase();
  const proxy = await startRoundRobinProxy(options.size);
  const dataDirs = Array.from({ length: options.size }, () => mkdtempSync(path.join(tmpdir(), "faceid-instance-")));
  const env: Record<string, string> = {
    ENCRYPTION_KEY: randomBytes(32).toString("hex"),
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    REDIS_URL: testRedisUrl,
    REDIS_KEY_PREFIX: `test-${randomBytes(6).toString("hex")}:`,
    PUBLIC_URL: proxy.url,
    TRUSTED_PROXIES: "127.0.0.1",
    ...options.env,
  };
  const instances: TestServer[] = [];
  const start = async (index: number) => {
    const server = await startTestServer({ provider: "postgresql", databaseUrl: db.url, dataDir: dataDirs[index], env });
    instances[index] = server;
    proxy.setBackend(index, server.url);
    await waitUntil(() => proxy.inRotation()[index], 10_000);
  };
  const stop = async () => {
    await Promise.all(instances.map((s) => s?.stop({ keepData: true })));
    await proxy.close();
    await db.drop();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    // the first one migrates and seeds; the others then start together
    await start(0);
    await Promise.all(Array.from({ length: options.size - 1 }, (_, i) => start(i + 1)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    proxy,
    instances,
    env,
    databaseUrl: db.url,
    kill: (index) => instances[index].stop({ signal: "SIGKILL", keepData: true }),
    restart: (index) => start(index),
    stop,
  };
}
