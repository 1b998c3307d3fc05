import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { CaseTimelineEntry } from "@/lib/console/get-case-timeline";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { readPdf } from "../support/read-pdf";
import { consoleCall, createReviewCase } from "../support/review-case";
import { api, tokenOf, type Api } from "../support/sessions";
import { createTenant, openTestDb } from "../support/tenants";
import { dbProviders, getFreePort, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("case timeline, audit by session and PDF export");

const admin = { email: "admin@audit.test", password: "admin-password-1" };
const reviewer = { email: "rita@audit.test", password: "reviewer-password-1" };
const viewer = { email: "victor@audit.test", password: "viewer-password-1" };
const KEY = "case-audit-key-0123456789abcdefgh";

// A real In Review case worked by a reviewer through the console endpoints (taken, released, taken
// again, a note mentioning the admin, a decline with a reason and a customer comment) and reported by
// webhook; a four-eyes confirmation row is added directly (the four-eyes flow itself is tested in
// case-decisions.test.ts and case-team.spec.ts).
describe.skipIf(!datasetsPresent).each(dbProviders)("case timeline, audit by session, PDF export (%s)", (provider) => {
  let server: TestServer;
  let receiver: Server;
  let db: Db;
  let a: Api;
  let cookies: Record<"admin" | "reviewer" | "viewer", string>;
  let session: { id: string; number: number; url: string };
  let adminId: string;
  const html = async (cookie: string, path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    const port = await getFreePort();
    receiver = createServer((req, res) => req.resume().on("end", () => res.writeHead(200).end("ok"))).listen(port, "127.0.0.1");
    server = await startTestServer({ provider, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: KEY, TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: KEY };
    db = openTestDb(provider, server.databaseUrl);
    const adminCookie = (await loginConsole(server.url, admin.email, admin.password))!;
    for (const [who, role] of [[reviewer, "reviewer"], [viewer, "viewer"]] as const) expect((await consoleCall(server.url, adminCookie, "POST", "/api/console/users", { ...who, role })).status).toBe(201);
    cookies = { admin: adminCookie, reviewer: (await loginConsole(server.url, reviewer.email, reviewer.password))!, viewer: (await loginConsole(server.url, viewer.email, viewer.password))! };
    expect((await api(a, "POST", "/v3/webhook/destinations/", { label: "Compliance receiver", url: `http://127.0.0.1:${port}/hook` })).status).toBe(201);
    session = (await createReviewCase(a, adminCookie)).case;

    const work = (method: string, path: string, json?: unknown) => consoleCall(server.url, cookies.reviewer, method, `/api/console/sessions/${session.id}${path}`, json);
    expect((await work("POST", "/assignment")).status).toBe(200);
    expect((await work("DELETE", "/assignment")).status).toBe(200);
    expect((await work("POST", "/assignment")).status).toBe(200);
    expect((await work("POST", "/comments", { comment: `Asked @${admin.email} to look at the new phone.` })).status).toBe(201);
    const declined = await work("POST", "/decision", { decision: "Declined", reasonCode: "face_mismatch", customerComment: "Please visit a branch with your ID.", comment: "Lighting hides the jaw line; not convinced." });
    expect(declined.status).toBe(200);

    adminId = (await db.user.findUniqueOrThrow({ where: { email: admin.email } })).id;
    const decline = await db.review.findFirstOrThrow({ where: { sessionId: session.id, action: "decline" } });
    await db.review.create({ data: { sessionId: session.id, userId: adminId, action: "confirm", newStatus: "Declined", comment: "Agree.", secondOfId: decline.id } });
    // the decision's webhook has been delivered before the timeline is read
    const settled = async () => {
      const deliveries = await db.webhookDelivery.findMany({ where: { event: { sessionId: session.id } }, include: { event: true } });
      return deliveries.some((d) => (d.event.payload as { status?: string }).status === "Declined") && deliveries.every((d) => d.status === "delivered");
    };
    for (const deadline = Date.now() + 30_000; !(await settled()); ) {
      if (Date.now() > deadline) throw new Error("the case's webhooks were not delivered in 30 s");
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    receiver?.close();
  });

  it("puts every kind of event on the case timeline, in time order, with actor names", async () => {
    const res = await consoleCall(server.url, cookies.viewer, "GET", `/api/console/sessions/${session.id}/timeline`);
    expect(res.status).toBe(200);
    const entries = res.body.entries as CaseTimelineEntry[];
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort());
    const kinds = entries.map((e) => e.kind);
    expect(kinds[0]).toBe("created");
    expect(new Set(kinds)).toEqual(new Set(["created", "started", "attempt", "check", "status", "assignment", "note", "decision", "webhook"]));
    const find = (kind: string, title: string | RegExp) => entries.find((e) => e.kind === kind && (typeof title === "string" ? e.title === title : title.test(e.title)));

    expect(find("created", "Session created")).toMatchObject({ actor: 'API key "Seed key (SEED_API_KEY)"', status: "Not Started", lines: expect.arrayContaining(["vendor_data alice"]) });
    expect(find("started", "Capture started")).toMatchObject({ actor: "end user", lines: ["From IP 203.0.113.20"] });
    expect(find("attempt", "Attempt 1: selfie submitted")).toMatchObject({ actor: "end user" });
    expect(find("check", "Face match: In Review (attempt 1)")?.lines[0]).toMatch(/^Score \d+(\.\d)? \(review below 100, decline below 0; application thresholds\)$/);
    expect(find("check", /^Liveness: Approved/)?.lines).toContain("Method PASSIVE");
    expect(entries.filter((e) => e.kind === "assignment").map((e) => [e.title, e.actor])).toEqual([
      ["Assigned", reviewer.email],
      ["Assignment released", reviewer.email],
      ["Assigned", reviewer.email],
    ]);
    expect(find("note", "Note")).toMatchObject({ actor: reviewer.email, lines: [`Asked @${admin.email} to look at the new phone.`, `Mentions: @${admin.email}`] });
    expect(find("decision", "Declined")).toMatchObject({
      actor: reviewer.email,
      status: "Declined",
      lines: ["Reason: Face does not match the reference (face_mismatch)", "Comment for the customer: Please visit a branch with your ID.", "Internal comment: Lighting hides the jaw line; not convinced."],
    });
    expect(find("decision", "Second review: confirmed")).toMatchObject({ actor: admin.email, lines: ["Internal comment: Agree.", `Second review of the decision by ${reviewer.email}`] });
    expect(find("status", "Status In Progress → In Review")).toMatchObject({ actor: "end user" });
    expect(find("status", "Status In Review → Declined")).toMatchObject({ actor: reviewer.email, lines: ["Lighting hides the jaw line; not convinced."] });
    const webhooks = entries.filter((e) => e.kind === "webhook");
    expect(webhooks.map((e) => e.title)).toEqual(expect.arrayContaining(["Webhook status.updated (In Review) to Compliance receiver", "Webhook status.updated (Declined) to Compliance receiver"]));
    for (const w of webhooks) expect(w.lines).toEqual(["delivered, 1 attempt, last HTTP 200"]);
    // the capture token never leaves the server
    expect(JSON.stringify(entries)).not.toContain(tokenOf(session.url));
  });

  it("answers the timeline of an unknown session with 404 JSON and refuses callers without a session", async () => {
    const unknown = await consoleCall(server.url, cookies.viewer, "GET", "/api/console/sessions/00000000-0000-4000-8000-000000000000/timeline");
    expect(unknown).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await fetch(`${server.url}/api/console/sessions/${session.id}/timeline`)).status).toBe(401);
  });

  it("filters the audit log by session id or number and names bad filters instead of failing", async () => {
    // the admin has signed in and created users, but has done nothing to this session
    const all = await html(cookies.viewer, "/audit");
    expect(all.text).toContain(admin.email);
    for (const ref of [session.id, String(session.number), `%23${session.number}`]) {
      const page = await html(cookies.viewer, `/audit?session=${ref}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(`session #<!-- -->${session.number}`);
      expect(page.text).toContain("session.assigned");
      expect(page.text).toContain("session.unassigned");
      expect(page.text).toContain("session.declined");
      expect(page.text).not.toContain(admin.email);
    }
    const unknown = await html(cookies.viewer, "/audit?session=99999");
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain("No session 99999 in this application.");
    expect(unknown.text).toContain("No audit entries match these filters.");
    for (const [query, message] of [
      ["session=not-a-session", "Session must be a session id or a session number"],
      ["from=2026-13-45", "From must be a date such as 2026-03-31"],
      ["to=2026-02-30", "To must be a date such as 2026-03-31"],
    ]) {
      const page = await html(cookies.viewer, `/audit?${query}`);
      expect(page.status).toBe(200);
      expect(page.text.replaceAll("<!-- -->", "")).toContain(message);
      expect(page.text).toContain(admin.email);
    }
  });

  it("exports the case as a PDF over the API: header, images, scores, thresholds, models, decisions, timeline", async () => {
    const res = await fetch(`${server.url}/v3/session/${session.id}/generate-pdf/`, { headers: { "x-api-key": KEY } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="session-${session.number}-${session.id.slice(0, 8)}.pdf"`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(2_000_000);
    const pdf = await readPdf(bytes);
    expect(pdf.title).toBe(`Verification session #${session.number}`);
    // the selfie of this attempt and the reference (the enrolling session's selfie)
    expect(pdf.images).toBe(2);
    const text = pdf.text;
    for (const expected of [
      `Session id: ${session.id}`,
      "vendor_data: alice",
      "Workflow: Selfie re-auth v1 (re-authentication)",
      "Status: Declined",
      "Attempt 1: selfie",
      "Reference: selfie of the session that enrolled the face",
      "Face match: In Review (attempt 1)",
      "review below 100, decline below 0; application thresholds",
      "Liveness: Approved (attempt 1)",
      "minifasnet-v2@",
      "minifasnet-v1se@",
      "face-reid-0095@",
      `Declined by ${reviewer.email}`,
      "Reason: Face does not match the reference (face_mismatch)",
      "Comment for the customer: Please visit a branch with your ID.",
      `Second review: confirmed by ${admin.email}`,
      "Capture started - by end user",
      `Assignment released - by ${reviewer.email}`,
      "Status In Review -> Declined",
      "to Compliance receiver",
      'by API key "Seed key (SEED_API_KEY)" · page 1 of',
    ]) expect(text).toContain(expected);
    expect(text).toMatch(/Score \d+(\.\d)? \(review below 100/);
    expect(text).not.toContain(tokenOf(session.url));

    const audit = await db.auditLog.findFirst({ where: { action: "session.exported", targetId: session.id, actorType: "api_key" } });
    expect(audit?.details).toMatchObject({ format: "pdf", via: "api" });
  });

  it("answers 401 without a key and 404 JSON for an unknown or another application's session", async () => {
    expect((await fetch(`${server.url}/v3/session/${session.id}/generate-pdf/`)).status).toBe(401);
    const other = await createTenant(db, "Other bank");
    const foreign = await fetch(`${server.url}/v3/session/${session.id}/generate-pdf/`, { headers: { "x-api-key": other.key } });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get("content-type")).toContain("application/json");
    expect((await foreign.json()).error.code).toBe("not_found");
    expect((await api(a, "GET", "/v3/session/00000000-0000-4000-8000-000000000000/generate-pdf/")).status).toBe(404);
    expect((await api(a, "POST", `/v3/session/${session.id}/generate-pdf/`)).status).toBe(405);
  });

  it("lets a console viewer download the PDF, audited and shown on the timeline", async () => {
    const res = await fetch(`${server.url}/api/console/sessions/${session.id}/pdf`, { headers: { cookie: cookies.viewer } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const pdf = await readPdf(new Uint8Array(await res.arrayBuffer()));
    expect(pdf.text).toContain(`by ${viewer.email} · page 1 of`);
    const timeline = await consoleCall(server.url, cookies.viewer, "GET", `/api/console/sessions/${session.id}/timeline`);
    const exports = (timeline.body.entries as CaseTimelineEntry[]).filter((e) => e.title === "Case exported");
    expect(exports.map((e) => e.actor)).toEqual(['API key "Seed key (SEED_API_KEY)"', viewer.email]);
    expect(exports[1].lines).toEqual(expect.arrayContaining(["format: pdf", "via: console"]));
  });
});
