import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

describe("operator contract", () => {
  const servers: TestServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
  });

  it("prints a generated sandbox key on first start only, and that key works", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "faceid-first-"));
    try {
      const first = await startTestServer({ dataDir });
      const key = first.output().match(/\b(fid_[A-Za-z0-9_-]{20,})/)?.[1];
      expect(key, first.output()).toBeTruthy();
      const res = await fetch(`${first.url}/v3/anything/`, { headers: { "x-api-key": key! } });
      expect(res.status).toBe(404);
      expect(first.output()).toMatch(/\/setup\?token=/);
      await first.stop({ keepData: true });

      const second = await startTestServer({ dataDir });
      expect(second.output()).not.toContain(key!);
      expect((await fetch(`${second.url}/v3/anything/`, { headers: { "x-api-key": key! } })).status).toBe(404);
      await second.stop({ keepData: true });
      for (const file of ["app.secret", "encryption.key"]) expect(statSync(path.join(dataDir, "secrets", file)).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("runs two instances side by side with their own PORT, DATA_DIR and keys", async () => {
    const a = await startTestServer({ env: { SEED_API_KEY: "key-a-0123456789abcdefgh" } });
    const b = await startTestServer({ env: { SEED_API_KEY: "key-b-0123456789abcdefgh" } });
    servers.push(a, b);
    expect(a.port).not.toBe(b.port);
    expect(a.dataDir).not.toBe(b.dataDir);
    expect((await fetch(`${a.url}/v3/x/`, { headers: { "x-api-key": "key-a-0123456789abcdefgh" } })).status).toBe(404);
    expect((await fetch(`${a.url}/v3/x/`, { headers: { "x-api-key": "key-b-0123456789abcdefgh" } })).status).toBe(401);
    expect((await fetch(`${b.url}/v3/x/`, { headers: { "x-api-key": "key-b-0123456789abcdefgh" } })).status).toBe(404);
  });

  it.each(dbProviders)("reports health and readiness (%s)", async (provider) => {
    const server = await startTestServer({ provider });
    servers.push(server);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: { ok: true } } });
  });

  it("keeps DATA_DIR 0700 and the SQLite database with its WAL and SHM 0600", async () => {
    const parent = mkdtempSync(path.join(tmpdir(), "faceid-perm-"));
    try {
      // one DATA_DIR that the server creates, one that exists world-readable from an older install
      const created = path.join(parent, "new", "data");
      const existing = path.join(parent, "old");
      chmodSync(parent, 0o755);
      mkdirSync(existing);
      chmodSync(existing, 0o755);
      for (const dataDir of [created, existing]) {
        const server = await startTestServer({ dataDir });
        try {
          // a write, so the WAL and its index exist
          expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
          expect(statSync(dataDir).mode & 0o777).toBe(0o700);
          for (const file of ["faceid.db", "faceid.db-wal", "faceid.db-shm"]) expect(statSync(path.join(dataDir, file)).mode & 0o777, file).toBe(0o600);
        } finally {
          await server.stop({ keepData: true });
        }
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("refuses to start with a SEED_API_KEY under 20 characters, saying why", async () => {
    await expect(startTestServer({ env: { SEED_API_KEY: "short-key" } })).rejects.toThrow(/SEED_API_KEY: must be at least 20 characters/);
  });

  it("refuses to start with an unreachable database, with a clear message", async () => {
    await expect(startTestServer({ databaseUrl: "postgresql://nobody@127.0.0.1:1/none" })).rejects.toThrow(/start-up failed|exited/);
  });
});
