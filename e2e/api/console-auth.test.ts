import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { startTestServer, type TestServer } from "../support/test-server";

describe("console authentication and roles", () => {
  let server: TestServer;
  let adminCookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ADMIN_EMAIL: "a@b.c", ADMIN_PASSWORD: "admin-password-1" } });
    adminCookie = (await loginConsole(server.url, "a@b.c", "admin-password-1"))!;
  });
  afterAll(async () => server?.stop());

  it("signs in the admin from ADMIN_EMAIL / ADMIN_PASSWORD and refuses a wrong password", async () => {
    expect(adminCookie).toMatch(/^next-auth\.session-token=/);
    expect(await loginConsole(server.url, "a@b.c", "wrong-password")).toBeNull();
  });

  it("redirects pages to the login page without a session", async () => {
    const res = await fetch(`${server.url}/overview`, { redirect: "manual" });
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toContain("/login");
  });

  it("answers internal endpoints with 401 JSON without a session", async () => {
    const res = await fetch(`${server.url}/api/console/users`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("unauthorized");
  });

  it("lets an admin create a viewer who can read but not reach admin areas", async () => {
    const created = await fetch(`${server.url}/api/console/users`, {
      method: "POST",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ email: "viewer@example.test", password: "viewer-password-1", role: "viewer" }),
    });
    expect(created.status).toBe(201);
    const viewer = (await loginConsole(server.url, "viewer@example.test", "viewer-password-1"))!;
    expect(viewer).toBeTruthy();

    const overview = await fetch(`${server.url}/overview`, { headers: { cookie: viewer }, redirect: "manual" });
    expect(overview.status).toBe(200);
    const settings = await fetch(`${server.url}/settings`, { headers: { cookie: viewer }, redirect: "manual" });
    expect(settings.status).toBe(307);
    expect(settings.headers.get("location")).toContain("/forbidden");
    const keys = await fetch(`${server.url}/api/console/api-keys`, { headers: { cookie: viewer } });
    expect(keys.status).toBe(403);
  });

  it("ends a user's open sessions when an admin disables them", async () => {
    await fetch(`${server.url}/api/console/users`, {
      method: "POST",
      headers: { cookie: adminCookie, "content-type": "application/json" },
      body: JSON.stringify({ email: "rev@example.test", password: "reviewer-password", role: "reviewer" }),
    });
    const reviewer = (await loginConsole(server.url, "rev@example.test", "reviewer-password"))!;
    const users = (await (await fetch(`${server.url}/api/console/users`, { headers: { cookie: adminCookie } })).json()) as { data: { id: string; email: string }[] };
    const id = users.data.find((u) => u.email === "rev@example.test")!.id;
    const disabled = await fetch(`${server.url}/api/console/users/${id}`, { method: "PATCH", headers: { cookie: adminCookie, "content-type": "application/json" }, body: JSON.stringify({ disabled: true }) });
    expect(disabled.status).toBe(200);
    const after = await fetch(`${server.url}/overview`, { headers: { cookie: reviewer }, redirect: "manual" });
    expect(after.status).toBe(307);
    expect(await loginConsole(server.url, "rev@example.test", "reviewer-password")).toBeNull();
  });

  it("refuses to let an admin demote themselves", async () => {
    const users = (await (await fetch(`${server.url}/api/console/users`, { headers: { cookie: adminCookie } })).json()) as { data: { id: string; email: string }[] };
    const me = users.data.find((u) => u.email === "a@b.c")!.id;
    const res = await fetch(`${server.url}/api/console/users/${me}`, { method: "PATCH", headers: { cookie: adminCookie, "content-type": "application/json" }, body: JSON.stringify({ role: "viewer" }) });
    expect(res.status).toBe(409);
  });
});
