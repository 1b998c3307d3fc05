import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole, signInConsole, signOutConsole } from "../support/console-login";
import { startTestServer, type TestServer } from "../support/test-server";

// Password guessing against the console sign-in, account enumeration by timing, and what a stolen
// session cookie is worth. The test client plays the reverse proxy (TRUSTED_PROXIES=127.0.0.1):
// X-Forwarded-For gives each attempt its client address.
const from = (ip: string) => ({ "x-forwarded-for": ip });

describe("console sign-in throttling and auditing", () => {
  let server: TestServer;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: "signin-admin@example.test", ADMIN_PASSWORD: "admin-password-1", TRUSTED_PROXIES: "127.0.0.1" } });
    adminCookie = (await loginConsole(server.url, "signin-admin@example.test", "admin-password-1"))!;
    for (const email of ["guessed@example.test", "victim@example.test", "timing@example.test"]) {
      const res = await fetch(`${server.url}/api/console/users`, {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "application/json" },
        body: JSON.stringify({ email, password: "right-password-1", role: "viewer" }),
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(async () => server?.stop());

  function auditRows(action: string): { actorLabel: string; details: string }[] {
    const db = new Database(path.join(server.dataDir, "faceid.db"), { readonly: true });
    try {
      return db.prepare(`SELECT "actorLabel", "details" FROM "AuditLog" WHERE "action" = ? ORDER BY "createdAt"`).all(action) as { actorLabel: string; details: string }[];
    } finally {
      db.close();
    }
  }

  it("backs off a guesser at one address, even once they hit the right password, and audits each failure", async () => {
    const attacker = from("198.51.100.7");
    // a burst of guesses: each one checked counts, so the wait grows with the burst
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => signInConsole(server.url, "guessed@example.test", `guess-${i}`, attacker)));
    expect(results.every((r) => r.cookie === null)).toBe(true);
    const right = await signInConsole(server.url, "guessed@example.test", "right-password-1", attacker);
    expect(right.cookie).toBeNull();
    const wait = Number(/^throttled:(\d+)$/.exec(right.error ?? "")?.[1]);
    expect(wait).toBeGreaterThan(0);
    // a backoff, not a lock: capped at 15 minutes
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // the owner, signing in from their own address, is not affected
    expect((await signInConsole(server.url, "guessed@example.test", "right-password-1", from("203.0.113.20"))).cookie).toBeTruthy();

    // every guess that was checked is audited; a guess that arrived once the backoff had started was
    // refused unchecked (the counters are awaited, so in a concurrent burst a late one may be)
    const checked = results.filter((r) => !/^throttled:/.test(r.error ?? "")).length;
    expect(checked).toBeGreaterThan(5);
    const failed = auditRows("console.login_failed").filter((r) => r.actorLabel === "guessed@example.test");
    expect(failed).toHaveLength(checked);
    expect(JSON.parse(failed[0].details)).toMatchObject({ reason: "wrong_password", ip: "198.51.100.7" });
    expect(failed.some((r) => JSON.parse(r.details).backoffSeconds > 0)).toBe(true);
  });

  it("stops guesses spread over many addresses, but not the owner at their usual address", async () => {
    const usual = from("203.0.113.50");
    const first = await signInConsole(server.url, "victim@example.test", "right-password-1", usual);
    expect(first.cookie).toBeTruthy();
    // 30 guesses from 30 addresses: no single address ever reaches its own limit
    await Promise.all(Array.from({ length: 30 }, (_, i) => signInConsole(server.url, "victim@example.test", `guess-${i}`, from(`198.51.100.${100 + i}`))));
    // the account is now throttled from any new address, even with the right password...
    const elsewhere = await signInConsole(server.url, "victim@example.test", "right-password-1", from("198.51.100.200"));
    expect(elsewhere.cookie).toBeNull();
    expect(elsewhere.error).toMatch(/^throttled:\d+$/);
    // ...but the owner, at the address they signed in from before, gets in at once
    const owner = await signInConsole(server.url, "victim@example.test", "right-password-1", usual);
    expect(owner.cookie).toBeTruthy();
    expect(owner.error).toBeNull();
  });

  it("takes as long for an unknown email as for a wrong password, and audits both alike", async () => {
    const time = async (email: string, ip: string) => {
      const t0 = performance.now();
      const r = await signInConsole(server.url, email, "not-the-password", from(ip));
      expect(r.cookie).toBeNull();
      return performance.now() - t0;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await time("timing@example.test", `192.0.2.${10 + i}`));
      unknown.push(await time(`nobody-${i}@example.test`, `192.0.2.${40 + i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // without the dummy scrypt an unknown email answered in a few ms against ~100 ms for a real check
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    const reasons = auditRows("console.login_failed").map((r) => JSON.parse(r.details).reason);
    expect(reasons).toContain("unknown_account");
  });
});

describe("console sessions", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: "session-admin@example.test", ADMIN_PASSWORD: "admin-password-1" } });
  });
  afterAll(async () => server?.stop());

  it("ends the session on the server at sign-out: a copied cookie stops working", async () => {
    const cookie = (await loginConsole(server.url, "session-admin@example.test", "admin-password-1"))!;
    const stolen = cookie;
    expect((await fetch(`${server.url}/api/console/users`, { headers: { cookie: stolen } })).status).toBe(200);
    expect(await signOutConsole(server.url, cookie)).toBeLessThan(400);
    const api = await fetch(`${server.url}/api/console/users`, { headers: { cookie: stolen } });
    expect(api.status).toBe(401);
    const page = await fetch(`${server.url}/overview`, { headers: { cookie: stolen }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/login");
    // another sign-in of the same user is unaffected by the first one's sign-out
    const again = (await loginConsole(server.url, "session-admin@example.test", "admin-password-1"))!;
    expect((await fetch(`${server.url}/api/console/users`, { headers: { cookie: again } })).status).toBe(200);
  });
});

describe("console session lifetime", () => {
  let server: TestServer;

  beforeAll(async () => {
    // 0.001 h = 3.6 s
    server = await startTestServer({ env: { ADMIN_EMAIL: "short@example.test", ADMIN_PASSWORD: "admin-password-1", CONSOLE_SESSION_HOURS: "0.001" } });
  });
  afterAll(async () => server?.stop());

  it("ends at CONSOLE_SESSION_HOURS after sign-in however often the console polls", async () => {
    let cookie = (await loginConsole(server.url, "short@example.test", "admin-password-1"))!;
    const started = Date.now();
    expect((await fetch(`${server.url}/api/console/users`, { headers: { cookie } })).status).toBe(200);
    // poll as an open console tab does; next-auth re-issues the cookie with a later expiry each time
    while (Date.now() - started < 5000) {
      const res = await fetch(`${server.url}/api/auth/session`, { headers: { cookie } });
      const renewed = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
      if (renewed) cookie = renewed.split(";")[0];
      await new Promise((r) => setTimeout(r, 400));
    }
    // the renewed token itself is still valid...
    const session = (await (await fetch(`${server.url}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email: string } };
    expect(session.user?.email).toBe("short@example.test");
    // ...but the sign-in it belongs to has ended
    expect((await fetch(`${server.url}/api/console/users`, { headers: { cookie } })).status).toBe(401);
  });
});
