import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { startTestServer, type TestServer } from "../support/test-server";

// Cross-site request forgery against the console. The attack this reproduces: a page on another
// origin of the same site (another port of the same host here; a sibling subdomain in production)
// posts `text/plain;charset=application/json` (no CORS preflight) with the admin's cookie and
// creates an admin of its own. Every console mutation must refuse it, found by walking the routes.
const root = path.resolve(import.meta.dirname, "..", "..");
const consoleApi = path.join(root, "app", "api", "console");
const MUTATIONS = ["POST", "PUT", "PATCH", "DELETE"] as const;

type Route = { file: string; url: string; methods: string[]; source: string };

function listRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return listRouteFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

function listConsoleRoutes(): Route[] {
  return listRouteFiles(consoleApi).map((file) => {
    const source = readFileSync(file, "utf8");
    const rel = path.relative(path.join(root, "app"), path.dirname(file)).split(path.sep);
    // dynamic segments get an id that exists nowhere: the guard must answer before any lookup
    const url = `/${rel.map((seg) => (/^\[.+\]$/.test(seg) ? "00000000-0000-4000-8000-000000000000" : seg)).join("/")}`;
    const methods = MUTATIONS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b|as\\s+${m}\\b`).test(source));
    return { file: path.relative(root, file), url, methods, source };
  });
}

const routes = listConsoleRoutes();
const mutations = routes.flatMap((r) => r.methods.map((method) => ({ ...r, method })));

describe("console routes are all behind the console session wrapper", () => {
  it("finds the console's mutation routes", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(25);
  });

  it.each(routes.map((r) => [r.file, r] as const))("%s exports only withConsoleSession handlers", (_file, route) => {
    const exported = [...route.source.matchAll(/export\s+(?:const|async function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b(.*)/g)];
    expect(exported.length).toBeGreaterThan(0);
    for (const [, , rest] of exported) expect(rest).toMatch(/^\s*=\s*withConsoleSession\(/);
    expect(route.source).not.toMatch(/export\s*\{/);
  });
});

describe("console CSRF defences (real server)", () => {
  let server: TestServer;
  let adminCookie: string;
  let sameSiteOrigin: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: "csrf-admin@example.test", ADMIN_PASSWORD: "admin-password-1" } });
    adminCookie = (await loginConsole(server.url, "csrf-admin@example.test", "admin-password-1"))!;
    // same host, another port: same site, different origin
    sameSiteOrigin = `http://127.0.0.1:${server.port === 65535 ? 65534 : server.port + 1}`;
  });
  afterAll(async () => server?.stop());

  async function listUsers(): Promise<string[]> {
    const res = await fetch(`${server.url}/api/console/users`, { headers: { cookie: adminCookie } });
    return ((await res.json()) as { data: { email: string }[] }).data.map((u) => u.email);
  }

  it("refuses the same-site text/plain attack that created an admin, and no admin appears", async () => {
    const attack = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/console/users`, {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "text/plain;charset=application/json", ...headers },
        body: JSON.stringify({ email: "attacker@example.test", password: "attacker-password", role: "admin" }),
      });
    // what a current browser sends from the sibling origin
    const browser = await attack({ origin: sameSiteOrigin, "sec-fetch-site": "same-site", "sec-fetch-mode": "no-cors" });
    expect(browser.status).toBe(403);
    expect((await browser.json()).error.code).toBe("forbidden");
    // an older browser without Sec-Fetch-*: the Origin alone gives it away
    expect((await attack({ origin: sameSiteOrigin })).status).toBe(403);
    expect((await attack({ origin: "https://evil.example" })).status).toBe(403);
    expect((await attack({ origin: "null" })).status).toBe(403);
    // even from the console's own origin, a form-encodable body is refused before it is read
    expect((await attack({ origin: server.url, "sec-fetch-site": "same-origin" })).status).toBe(415);
    expect(await listUsers()).not.toContain("attacker@example.test");
  });

  it("still accepts the console's own requests, and non-browser clients without Origin", async () => {
    const create = (email: string, headers: Record<string, string>) =>
      fetch(`${server.url}/api/console/users`, {
        method: "POST",
        headers: { cookie: adminCookie, "content-type": "application/json; charset=utf-8", ...headers },
        body: JSON.stringify({ email, password: "viewer-password-1", role: "viewer" }),
      });
    expect((await create("same-origin@example.test", { origin: server.url, "sec-fetch-site": "same-origin" })).status).toBe(201);
    expect((await create("origin-only@example.test", { origin: server.url })).status).toBe(201);
    expect((await create("script@example.test", {})).status).toBe(201);
  });

  it.each(mutations.map((m) => [`${m.method} ${m.url}`, m] as const))("%s refuses cross-site and same-site requests (403)", async (_name, route) => {
    const variants: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: sameSiteOrigin, "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
    ];
    for (const headers of variants) {
      const res = await fetch(`${server.url}${route.url}`, { method: route.method, headers: { cookie: adminCookie, "content-type": "application/json", ...headers }, body: "{}" });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
  });

  it.each(mutations.map((m) => [`${m.method} ${m.url}`, m] as const))("%s refuses form encodings (415) even from the console's origin", async (_name, route) => {
    const accepts = route.source.includes('"multipart/form-data"') ? ["multipart/form-data"] : [];
    const forms: [string, BodyInit][] = [
      ["text/plain;charset=application/json", "{}"],
      ["text/plain", "{}"],
      ["application/x-www-form-urlencoded", "a=1"],
      ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n"],
    ];
    for (const [type, body] of forms) {
      if (accepts.some((a) => type.startsWith(a))) continue;
      const res = await fetch(`${server.url}${route.url}`, { method: route.method, headers: { cookie: adminCookie, origin: server.url, "sec-fetch-site": "same-origin", "content-type": type }, body });
      expect(res.status, type).toBe(415);
      expect((await res.json()).error.code).toBe("unsupported_media_type");
    }
  });

  it("refuses cross-origin posts to the sign-in and sign-out endpoints", async () => {
    for (const action of ["callback/credentials", "signout"]) {
      const res = await fetch(`${server.url}/api/auth/${action}`, {
        method: "POST",
        redirect: "manual",
        headers: { origin: sameSiteOrigin, "sec-fetch-site": "same-site", "content-type": "application/x-www-form-urlencoded", cookie: adminCookie },
        body: new URLSearchParams({ email: "csrf-admin@example.test", password: "admin-password-1" }),
      });
      expect(res.status, action).toBe(403);
    }
    // the admin's session survived the forged sign-out
    expect((await fetch(`${server.url}/api/console/users`, { headers: { cookie: adminCookie } })).status).toBe(200);
  });
});
