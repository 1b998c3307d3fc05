import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { startTestServer, type TestServer } from "../support/test-server";

// Content-Security-Policy, framing and permissions of the console and the hosted capture page, as the
// real server sends them.
const KEY = "security-headers-key-0001";
const directives = (csp: string | null) => Object.fromEntries((csp ?? "").split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("security headers", () => {
  let server: TestServer;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: KEY, ADMIN_EMAIL: "headers-admin@example.test", ADMIN_PASSWORD: "admin-password-1" } });
    adminCookie = (await loginConsole(server.url, "headers-admin@example.test", "admin-password-1"))!;
  });
  afterAll(async () => server?.stop());

  async function hostedPageUrl(): Promise<string> {
    const workflows = (await (await fetch(`${server.url}/v3/workflows/`, { headers: { "x-api-key": KEY } })).json()) as { results: { workflow_id: string; workflow_label: string }[] };
    const livenessOnly = workflows.results.find((w) => w.workflow_label === "Liveness only")!;
    const res = await fetch(`${server.url}/v3/session/`, {
      method: "POST",
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      body: JSON.stringify({ workflow_id: livenessOnly.workflow_id, vendor_data: `headers-${Date.now()}-${Math.random()}` }),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { url: string }).url;
  }

  async function setEmbedOrigins(embedOrigins: string[] | null): Promise<Response> {
    return fetch(`${server.url}/api/console/application`, { method: "PATCH", headers: { cookie: adminCookie, "content-type": "application/json" }, body: JSON.stringify({ embedOrigins }) });
  }

  it("gives console pages a per-request nonce on every script, no inline script, and no framing", async () => {
    const pages = await Promise.all([fetch(`${server.url}/login`), fetch(`${server.url}/login`), fetch(`${server.url}/overview`, { headers: { cookie: adminCookie } })]);
    const nonces = [];
    for (const res of pages) {
      expect(res.status).toBe(200);
      const csp = directives(res.headers.get("content-security-policy"));
      const nonce = /^'nonce-(.+)'$/.exec(csp["script-src"].find((s) => s.startsWith("'nonce-")) ?? "")?.[1];
      expect(nonce).toBeTruthy();
      nonces.push(nonce);
      expect(csp["script-src"]).not.toContain("'unsafe-inline'");
      expect(csp["script-src"]).not.toContain("'unsafe-eval'");
      expect(csp["frame-ancestors"]).toEqual(["'none'"]);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
      expect(res.headers.get("strict-transport-security")).toBeNull();
      // the request headers handed to the page (nonce, the server's peer stamp) never reach the client
      expect([...res.headers.keys()].filter((h) => /^x-middleware|^x-nonce$|^x-faceid-peer$/.test(h))).toEqual([]);
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(new Set(nonces).size).toBe(nonces.length);
  });

  it("lets any site frame the hosted page by default, with camera and WebAssembly for itself", async () => {
    const res = await fetch(await hostedPageUrl());
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get("content-security-policy"));
    expect(csp["script-src"]).toContain("'wasm-unsafe-eval'");
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["frame-ancestors"]).toBeUndefined();
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("permissions-policy")).toMatch(/^camera=\(self\)/);
  });

  it("restricts framing of the hosted page to the origins set in the console", async () => {
    const url = await hostedPageUrl();
    expect((await setEmbedOrigins(["https://shop.example.com", "https://*.example.org"])).status).toBe(200);
    const listed = directives((await fetch(url)).headers.get("content-security-policy"));
    expect(listed["frame-ancestors"]).toEqual(["https://shop.example.com", "https://*.example.org"]);
    expect((await setEmbedOrigins([])).status).toBe(200);
    expect(directives((await fetch(url)).headers.get("content-security-policy"))["frame-ancestors"]).toEqual(["'none'"]);
    const app = (await (await fetch(`${server.url}/api/console/application`, { headers: { cookie: adminCookie } })).json()) as { embedOrigins: string[] | null };
    expect(app.embedOrigins).toEqual([]);
    expect((await setEmbedOrigins(null)).status).toBe(200);
    expect(directives((await fetch(url)).headers.get("content-security-policy"))["frame-ancestors"]).toBeUndefined();
  });

  it("refuses an embedding origin that could inject into the policy", async () => {
    const res = await setEmbedOrigins(["https://shop.example.com; script-src *"]);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "validation_error", field: "embedOrigins.0" });
  });

  it("frames an unknown capture link nowhere", async () => {
    const res = await fetch(`${server.url}/verify/${"x".repeat(32)}`);
    expect(directives(res.headers.get("content-security-policy"))["frame-ancestors"]).toEqual(["'none'"]);
  });
});

describe("HSTS behind https", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { PUBLIC_URL: "https://verify.example.test" } });
  });
  afterAll(async () => server?.stop());

  it("sends Strict-Transport-Security and upgrades insecure requests when PUBLIC_URL is https", async () => {
    const res = await fetch(`${server.url}/login`);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});
