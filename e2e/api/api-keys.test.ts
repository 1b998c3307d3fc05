import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

describe.each(dbProviders)("API keys and the /v3 error shape (%s)", (provider) => {
  let server: TestServer;
  const seedKey = `seed-${provider}-${Date.now()}`;

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: seedKey, ADMIN_EMAIL: "admin@example.test", ADMIN_PASSWORD: "correct horse battery" } });
  });
  afterAll(async () => server?.stop());

  it("answers 401 JSON without a key", async () => {
    const res = await fetch(`${server.url}/v3/face-match/`, { method: "POST" });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.stringContaining("x-api-key") } });
  });

  it("answers 401 JSON for an unknown key", async () => {
    const res = await fetch(`${server.url}/v3/sessions/`, { headers: { "x-api-key": "not-a-key" } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("accepts SEED_API_KEY and serves trailing-slash paths without redirecting", async () => {
    const res = await fetch(`${server.url}/v3/no-such-route/`, { method: "POST", headers: { "x-api-key": seedKey }, redirect: "manual" });
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "not_found" });
  });

  it("never answers HTML under /v3, not even for an unknown path", async () => {
    const res = await fetch(`${server.url}/v3/a/b/c`, { headers: { "x-api-key": seedKey } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("creates a key in the console that works once and stops working when revoked", async () => {
    const cookie = await loginConsole(server.url, "admin@example.test", "correct horse battery");
    expect(cookie).toBeTruthy();
    const created = await fetch(`${server.url}/api/console/api-keys`, {
      method: "POST",
      headers: { cookie: cookie!, "content-type": "application/json" },
      body: JSON.stringify({ name: "backend" }),
    });
    expect(created.status).toBe(201);
    const { id, key, keyId } = (await created.json()) as { id: string; key: string; keyId: string };
    expect(keyId).toMatch(/^key_[0-9a-f]{12}$/);

    // the list shows the key id, and no part of the secret (its first characters included)
    const listed = (await (await fetch(`${server.url}/api/console/api-keys`, { headers: { cookie: cookie! } })).json()) as { data: { id: string; keyId: string }[] };
    expect(listed.data.find((k) => k.id === id)?.keyId).toBe(keyId);
    const secret = key.slice("fid_".length);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(0, 6));
    expect(JSON.stringify(listed)).not.toContain("prefix");

    const ok = await fetch(`${server.url}/v3/nothing/`, { headers: { "x-api-key": key } });
    expect(ok.status).toBe(404);

    const revoked = await fetch(`${server.url}/api/console/api-keys/${id}`, { method: "DELETE", headers: { cookie: cookie! } });
    expect(revoked.status).toBe(204);
    const after = await fetch(`${server.url}/v3/nothing/`, { headers: { "x-api-key": key } });
    expect(after.status).toBe(401);
  });

  it("rejects a malformed console request with a field-level 400", async () => {
    const cookie = await loginConsole(server.url, "admin@example.test", "correct horse battery");
    const res = await fetch(`${server.url}/api/console/api-keys`, { method: "POST", headers: { cookie: cookie!, "content-type": "application/json" }, body: JSON.stringify({ name: 42 }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "validation_error", field: "name" });
    const bad = await fetch(`${server.url}/api/console/api-keys`, { method: "POST", headers: { cookie: cookie!, "content-type": "application/json" }, body: "{not json" });
    expect((await bad.json()).error.code).toBe("invalid_json");
  });
});

describe("rate limiting per API key", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: "rate-key-0123456789abcdefgh", RATE_LIMIT_PER_MINUTE: "3" } });
  });
  afterAll(async () => server?.stop());

  it("answers 429 with Retry-After once the bucket is empty", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/v3/x/`, { headers: { "x-api-key": "rate-key-0123456789abcdefgh" } });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        expect((await res.json()).error.code).toBe("rate_limited");
      }
    }
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

describe("wrong API keys are throttled per client address", () => {
  const KEY = "throttle-key-0123456789abcdef";
  let server: TestServer;
  beforeAll(async () => {
    // the test client plays a reverse proxy: X-Forwarded-For gives each request its address
    server = await startTestServer({ env: { SEED_API_KEY: KEY, ADMIN_EMAIL: "keys-admin@example.test", ADMIN_PASSWORD: "admin-password-1", TRUSTED_PROXIES: "127.0.0.1" } });
  });
  afterAll(async () => server?.stop());

  const call = (key: string, ip: string) => fetch(`${server.url}/v3/x/`, { headers: { "x-api-key": key, "x-forwarded-for": ip } });

  it("answers 429 with Retry-After after 10 wrong keys, for any key from that address, for a while", async () => {
    const guesser = "198.51.100.9";
    for (let i = 0; i < 10; i++) expect((await call(`guess-${i}-0123456789abcdef`, guesser)).status).toBe(401);
    const refused = await call("guess-10-0123456789abcdef", guesser);
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe("rate_limited");
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    // while it waits, even the right key is refused from there: a 200 would confirm a guess
    expect((await call(KEY, guesser)).status).toBe(429);
    // other addresses are unaffected
    expect((await call(KEY, "203.0.113.30")).status).toBe(404);
    // and the wait ends
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 100));
    expect((await call(KEY, guesser)).status).toBe(404);
  });

  it("does not count a revoked key: a backend still sending it after a rotation keeps its new key working", async () => {
    const cookie = (await loginConsole(server.url, "keys-admin@example.test", "admin-password-1"))!;
    const created = (await (await fetch(`${server.url}/api/console/api-keys`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "old" }) })).json()) as { id: string; key: string };
    expect((await fetch(`${server.url}/api/console/api-keys/${created.id}`, { method: "DELETE", headers: { cookie } })).status).toBe(204);
    const backend = "203.0.113.77";
    for (let i = 0; i < 15; i++) expect((await call(created.key, backend)).status).toBe(401);
    expect((await call(KEY, backend)).status).toBe(404);
  });
});
