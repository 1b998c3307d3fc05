import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { scrapeMetrics, sumSamples } from "../support/prometheus-text";
import { createTenant, openTestDb } from "../support/tenants";
import { createPostgresDatabase, getFreePort, startTestServer, testRedisUrl, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("face index signals between instances");
const KEY = "redis-shared-key-0123456789abcdef";
const METRICS_TOKEN = "metrics-token-0123456789abcdef";
const admin = { email: "admin@example.test", password: "admin-password-1" };
const LIMIT = 20;

async function countStatuses(requests: Promise<Response>[]): Promise<Record<number, number>> {
  const statuses: Record<number, number> = {};
  for (const res of await Promise.all(requests)) statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  return statuses;
}

// Two instances on one PostgreSQL database and one Redis, each with its own DATA_DIR (as on two
// machines), sharing the secrets every instance must share.
describe("two instances sharing PostgreSQL and Redis", () => {
  const shared = { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, ENCRYPTION_KEY: randomBytes(32).toString("hex"), AUTH_SECRET: randomBytes(32).toString("hex"), REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX: `test-${randomBytes(6).toString("hex")}:`, RATE_LIMIT_PER_MINUTE: String(LIMIT), METRICS_TOKEN };
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    database = await createPostgresDatabase();
    a = await startTestServer({ provider: "postgresql", databaseUrl: database.url, env: shared });
    b = await startTestServer({ provider: "postgresql", databaseUrl: database.url, env: shared });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("caps one key's requests across both instances at the one limit", async () => {
    const db = openTestDb("postgresql", database.url);
    const tenant = await createTenant(db, "rate-limited");
    await db.$disconnect();
    const get = (server: TestServer) => fetch(`${server.url}/v3/workflows/`, { headers: { "x-api-key": tenant.key } });
    // each instance alone would allow LIMIT: the sum must still be LIMIT (one more if a token refilled)
    const [fromA, fromB] = await Promise.all([countStatuses(Array.from({ length: LIMIT }, () => get(a))), countStatuses(Array.from({ length: LIMIT }, () => get(b)))]);
    const allowed = (fromA[200] ?? 0) + (fromB[200] ?? 0);
    expect(allowed).toBeGreaterThanOrEqual(LIMIT);
    expect(allowed).toBeLessThanOrEqual(LIMIT + 1);
    expect((fromA[429] ?? 0) + (fromB[429] ?? 0)).toBe(2 * LIMIT - allowed);
    const refused = await get(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(!datasetsPresent)("a face added through A is in B's index within one second, without a search on B, and leaves it as fast", async () => {
    const search = async (server: TestServer) => {
      const form = new FormData();
      form.append("user_image", faceImage("images/deepface-01/2.jpg"), "face.jpg");
      const res = await fetch(`${server.url}/v3/face-search/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
      expect(res.status).toBe(200);
      return (await res.json()).face_search as { status: string; matches: { source: string }[] };
    };
    const indexed = async (server: TestServer) => sumSamples(await scrapeMetrics(server.url, METRICS_TOKEN), "faceid_face_index_entries");
    const waitForIndex = async (server: TestServer, expected: number) => {
      const started = Date.now();
      while ((await indexed(server)) !== expected) {
        if (Date.now() - started > 5_000) throw new Error(`index never reached ${expected}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return Date.now() - started;
    };
    // B holds the application's (empty) index once it has searched
    expect((await search(b)).matches).toHaveLength(0);
    expect(await indexed(b)).toBe(0);

    const cookie = (await loginConsole(a.url, admin.email, admin.password))!;
    const lists = (await (await fetch(`${a.url}/api/console/lists`, { headers: { cookie } })).json()) as { data: { id: string; kind: string }[] };
    const blocklist = lists.data.find((l) => l.kind === "blocklist")!;
    const form = new FormData();
    form.append("image", faceImage("images/deepface-01/1.jpg"), "face.jpg");
    const added = await fetch(`${a.url}/api/console/lists/${blocklist.id}/entries`, { method: "POST", headers: { cookie }, body: form });
    expect(added.status).toBe(201);
    const entry = (await added.json()) as { id: string };
    expect(await waitForIndex(b, 1)).toBeLessThan(1_000);
    const hit = await search(b);
    expect(hit.status).toBe("Declined");
    expect(hit.matches[0]).toMatchObject({ source: "list" });

    const removed = await fetch(`${a.url}/api/console/lists/${blocklist.id}/entries/${entry.id}`, { method: "DELETE", headers: { cookie } });
    expect(removed.status).toBeLessThan(300);
    expect(await waitForIndex(b, 0)).toBeLessThan(1_000);
    expect((await search(b)).matches).toHaveLength(0);
  });

  // last: it leaves this address throttled on both instances
  it("counts wrong API keys from one address across both instances", async () => {
    const wrong = (server: TestServer) => fetch(`${server.url}/v3/workflows/`, { headers: { "x-api-key": `wrong-${randomBytes(12).toString("hex")}` } });
    // 10 free failures per address: 6 on A and 4 on B use them up; neither alone would throttle
    for (let i = 0; i < 6; i++) expect((await wrong(a)).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await wrong(b)).status).toBe(401);
    const eleventh = await wrong(b);
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get("retry-after")).toBe("1");
    // and the other instance makes the address wait too, before even looking at the key
    expect((await fetch(`${a.url}/v3/workflows/`, { headers: { "x-api-key": KEY } })).status).toBe(429);
  });
});

describe("Redis unreachable", () => {
  let server: TestServer;
  beforeAll(async () => {
    // nothing listens on this port: every Redis command fails at once
    const deadRedis = `redis://127.0.0.1:${await getFreePort()}`;
    server = await startTestServer({ env: { SEED_API_KEY: KEY, REDIS_URL: deadRedis, RATE_LIMIT_PER_MINUTE: "5" } });
  });
  afterAll(async () => server?.stop());

  it("falls back to the in-process limit with a logged warning, and never answers 500", async () => {
    const statuses = await countStatuses(Array.from({ length: 8 }, () => fetch(`${server.url}/v3/workflows/`, { headers: { "x-api-key": KEY } })));
    expect(statuses).toEqual({ 200: 5, 429: 3 });
    expect(server.output()).toMatch(/Redis unavailable: falling back to in-process state/);
  });
});
