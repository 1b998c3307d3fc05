import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dbProviders, startTestServer } from "../support/test-server";
import { readDeliveryLeases } from "../support/webhook-deliveries";

const root = path.resolve(import.meta.dirname, "..", "..");


async function waitFor(probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 50));
  }
}

// The dedicated delivery process (web instances with WEBHOOK_WORKER=off): on SIGTERM it exits 0 within
// SHUTDOWN_TIMEOUT_MS and hands back the delivery it holds, so another worker sends it at once.
describe.each(dbProviders)("standalone webhook worker (%s)", (provider) => {
  const key = `standalone-worker-${provider}-0123456789`;
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("releases the deliveries it holds when stopped", async () => {
    let hits = 0;
    const receiver: Server = createServer(() => void hits++);
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    cleanups.push(() => new Promise<void>((r) => (receiver.closeAllConnections(), receiver.close(() => r()))));
    const server = await startTestServer({ provider, env: { SEED_API_KEY: key, WEBHOOK_WORKER: "off" } });
    cleanups.push(() => server.stop());

    let log = "";
    const worker = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "lib", "webhooks", "run-worker.ts")], {
      cwd: root,
      env: { ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl, WEBHOOK_ALLOW_PRIVATE_NETWORKS: "1", WEBHOOK_ALLOWED_PORTS: "*", WEBHOOK_TIMEOUT_MS: "60000", WEBHOOK_POLL_INTERVAL_MS: "100", SHUTDOWN_TIMEOUT_MS: "2000" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
    worker.stdout.on("data", (d) => (log += d));
    worker.stderr.on("data", (d) => (log += d));
    cleanups.push(() => void (worker.exitCode === null && worker.kill("SIGKILL")));

    const headers = { "x-api-key": key, "content-type": "application/json" };
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const destination = await (await fetch(`${server.url}/v3/webhook/destinations/`, { method: "POST", headers, body: JSON.stringify({ label: "hangs", url }) })).json();
    expect((await fetch(`${server.url}/v3/webhook/destinations/${destination.id}/test/`, { method: "POST", headers })).status).toBeLessThan(300);
    // the worker process, not the web server, claims it: the receiver never answers, so it stays held
    await waitFor(() => hits === 1);
    expect((await readDeliveryLeases(provider, server)).filter((d) => d.lockedBy)).toHaveLength(1);

    const signalled = Date.now();
    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(await readDeliveryLeases(provider, server)).toEqual([expect.objectContaining({ status: "pending", lockedBy: null })]);
    expect(log).toMatch(/releasedWebhookDeliveries["=:\s]+1/);
  }, 120_000);
});
