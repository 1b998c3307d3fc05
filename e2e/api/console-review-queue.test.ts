import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { loginConsole } from "../support/console-login";
import { api, workflowIdByLabel, type Api } from "../support/sessions";
import { openTestDb } from "../support/tenants";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

// The team queue's console endpoints and the rough edges of the list pages, through the real server:
// roles checked on the server, bad input answered with a clear 400 (pages: a message, never a 500).
describe.each(dbProviders)("console review queue over HTTP (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  let a: Api;
  const cookies = {} as Record<"admin" | "reviewer" | "viewer", string>;
  const ids: string[] = [];

  const call = async (who: keyof typeof cookies, method: string, path: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: cookies[who], origin: server.url, ...(json !== undefined ? { "content-type": "application/json" } : {}) }, body: json !== undefined ? JSON.stringify(json) : undefined });
    return { status: res.status, body: res.status === 204 ? null : res.headers.get("content-type")?.includes("json") ? await res.json() : await res.text() };
  };

  beforeAll(async () => {
    const key = `queue-http-key-${provider}-0123456789abcdef`;
    server = await startTestServer({ provider, env: { ADMIN_EMAIL: "admin@queue.test", ADMIN_PASSWORD: "admin-password-1", SEED_API_KEY: key } });
    a = { url: server.url, key };
    db = openTestDb(provider, server.databaseUrl);
    cookies.admin = (await loginConsole(server.url, "admin@queue.test", "admin-password-1"))!;
    for (const role of ["reviewer", "viewer"] as const) {
      expect((await call("admin", "POST", "/api/console/users", { email: `${role}@queue.test`, password: `${role}-password-1`, role })).status).toBe(201);
      cookies[role] = (await loginConsole(server.url, `${role}@queue.test`, `${role}-password-1`))!;
    }
    // sessions created through the API, then put in review as a finished capture would leave them
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    for (let i = 0; i < 3; i++) {
      const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: `queue-user-${i}` });
      expect(created.status).toBe(201);
      ids.push(created.body.session_id);
    }
    await db.verificationSession.updateMany({ where: { id: { in: ids } }, data: { status: "In Review", decidedAt: new Date(), reviewReasons: ",LOW_FACE_MATCH_SIMILARITY," } });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("lists the queue with filters and answers 400 for a filter that is not one", async () => {
    const all = await call("viewer", "GET", "/api/console/review/queue");
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 50, opened: null });
    expect(all.body.cases[0]).toMatchObject({ reasons: ["LOW_FACE_MATCH_SIMILARITY"], priority: 0, overdue: false, awaitingSecondReview: false });
    expect(all.body.team.map((t: { email: string }) => t.email).sort()).toEqual(["admin@queue.test", "reviewer@queue.test"]);
    expect((await call("viewer", "GET", "/api/console/review/queue?assignee=unassigned&reason=LOW_FACE_MATCH_SIMILARITY")).body.total).toBe(3);
    for (const bad of ["age=forever", "priority=9", "case=42", "day_start=yesterday", "colour=red"]) {
      const res = await call("viewer", "GET", `/api/console/review/queue?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe("validation_error");
    }
    expect((await fetch(`${server.url}/api/console/review/queue`)).status).toBe(401);
  });

  it("assigns in bulk and sets priority for reviewers only, reporting each case", async () => {
    expect((await call("viewer", "POST", "/api/console/review/assignments", { sessionIds: ids, to: "me" })).status).toBe(403);
    expect((await call("reviewer", "POST", "/api/console/review/assignments", { sessionIds: [], to: "me" })).status).toBe(400);
    expect((await call("reviewer", "POST", "/api/console/review/assignments", { sessionIds: ["nope"], to: "me" })).status).toBe(400);
    const took = await call("reviewer", "POST", "/api/console/review/assignments", { sessionIds: ids.slice(0, 2), to: "me" });
    expect(took.status).toBe(200);
    expect(took.body.done).toBe(2);
    const again = await call("admin", "POST", "/api/console/review/assignments", { sessionIds: ids, to: "me" });
    expect(again.body.outcomes.map((o: { ok: boolean }) => o.ok)).toEqual([true, true, true]);
    expect((await call("reviewer", "GET", "/api/console/review/queue?assignee=me")).body.total).toBe(0);

    expect((await call("viewer", "PUT", `/api/console/sessions/${ids[0]}/priority`, { priority: 2 })).status).toBe(403);
    expect((await call("reviewer", "PUT", `/api/console/sessions/${ids[0]}/priority`, { priority: 7 })).status).toBe(400);
    expect((await call("reviewer", "PUT", `/api/console/sessions/${ids[0]}/priority`, { priority: 2 })).body).toEqual({ priority: 2 });
    const queue = await call("reviewer", "GET", "/api/console/review/queue");
    expect(queue.body.cases[0]).toMatchObject({ id: ids[0], priority: 2 });
    const audit = await call("admin", "GET", "/audit?action=session.priority_changed");
    expect(audit.body).toContain("session.priority_changed");
  });

  it("saves, lists and deletes views with their owner's rights", async () => {
    const created = await call("reviewer", "POST", "/api/console/review/views", { name: "Mine, overdue", query: "assignee=me&age=overdue", shared: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Mine, overdue", query: "assignee=me&age=overdue", shared: true, mine: true });
    expect((await call("reviewer", "POST", "/api/console/review/views", { name: "Mine, overdue", query: "" })).status).toBe(409);
    const bad = await call("reviewer", "POST", "/api/console/review/views", { name: "Bad", query: "age=forever" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("query");
    expect((await call("viewer", "GET", "/api/console/review/views")).body.views).toEqual([expect.objectContaining({ name: "Mine, overdue", mine: false })]);
    expect((await call("viewer", "DELETE", `/api/console/review/views/${created.body.id}`)).status).toBe(403);
    expect((await call("reviewer", "DELETE", `/api/console/review/views/${created.body.id}`)).status).toBe(204);
    expect((await call("reviewer", "DELETE", `/api/console/review/views/${created.body.id}`)).status).toBe(404);
  });

  it("answers invalid list filters with a message on the page, keeping the values, never a 500", async () => {
    const declined = await call("viewer", "GET", "/sessions?status=Declined&fm_min=150");
    expect(declined.status).toBe(200);
    expect(declined.body).toContain("Match ≥<!-- --> <!-- -->must be a score from 0 to 100, not &quot;150&quot;");
    expect(declined.body).toMatch(/id="filter-fm_min"[^>]*value="150"/);
    const badDay = await call("viewer", "GET", "/sessions?from=2026-13-45");
    expect(badDay.status).toBe(200);
    expect(badDay.body).toContain("must be a date such as 2026-03-31");
    expect(badDay.body).toMatch(/value="2026-13-45"/);
    const audit = await call("viewer", "GET", "/audit?from=2026-02-30");
    expect(audit.status).toBe(200);
    expect(audit.body).toContain("must be a date such as 2026-03-31");
    const longSearch = await call("viewer", "GET", `/users?q=${"x".repeat(201)}`);
    expect(longSearch.status).toBe(200);
    expect(longSearch.body).toContain("Search for at most 200 characters.");
    const fine = await call("viewer", "GET", "/sessions?status=In%20Review&fm_max=");
    expect(fine.status).toBe(200);
    expect(fine.body).toContain("<span>3 sessions");
  });

  it("links a session in review to its own case in the queue", async () => {
    const page = await call("reviewer", "GET", `/sessions/${ids[2]}`);
    expect(page.body).toContain(`href="/review?case=${ids[2]}"`);
  });
});
