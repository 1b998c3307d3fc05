import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("case decisions");

type Hook = { session_id: string; status: string; decision?: { reviews: Record<string, unknown>[] } };

const admin = { email: "admin@decisions.test", password: "admin-password-1" };
const ana = { email: "ana@decisions.test", password: "reviewer-password-1" };
const ben = { email: "ben@decisions.test", password: "reviewer-password-2" };

// Manual decisions as a compliance team makes them, against the real server on SQLite and PostgreSQL:
// sessions are captured through the hosted-page endpoints with dataset faces, decided through the
// console and the API, and the webhooks a customer receives are checked.
describe.skipIf(!datasetsPresent).each(dbProviders)("case decisions (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  let receiver: Server;
  const hooks: Hook[] = [];
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let ipCounter = 10;

  const consoleCall = async (who: string, method: string, path: string, json?: unknown) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { cookie: cookies[who], ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  };
  // A live selfie through the hosted page from a fresh phone and network.
  const capture = async (input: { workflow: string; vendorData: string; selfie: string; type?: string }) => {
    const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, input.workflow), vendor_data: input.vendorData, ...(input.type ? { workflow_type: input.type } : {}) });
    expect(created.status).toBe(201);
    const phone = new CaptureClient(server.url, tokenOf(created.body.url), { "x-forwarded-for": `203.0.113.${ipCounter++}` });
    const started = await phone.start();
    const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
    return { id: created.body.session_id as string, status: done.body.state.status as string, phone, token: tokenOf(created.body.url) };
  };
  const thresholds = (livenessReview: number, livenessDecline: number) =>
    consoleCall("admin", "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 70, faceMatchDeclineThreshold: 50, livenessReviewThreshold: livenessReview, livenessDeclineThreshold: livenessDecline });
  const enrolment = async (vendorData: string) => {
    const { body } = await consoleCall("admin", "GET", `/api/console/end-users?vendor_data=${vendorData}`);
    return { templates: (body.templates as { source: string; enrolment: boolean }[]).map((t) => `${t.source}:${t.enrolment}`), devices: body.devices.length, ips: body.ips.length };
  };
  const hooksFor = async (sessionId: string, status: string) => {
    for (let i = 0; i < 100 && !hooks.some((h) => h.session_id === sessionId && h.status === status); i++) await new Promise((r) => setTimeout(r, 100));
    return hooks.filter((h) => h.session_id === sessionId && h.status === status);
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        hooks.push(JSON.parse(body));
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    server = await startTestServer({ provider, env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: "decisions-key-0123456789abcdefgh", TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: "decisions-key-0123456789abcdefgh" };
    cookies.admin = (await loginConsole(server.url, admin.email, admin.password))!;
    for (const [name, who] of [["ana", ana], ["ben", ben]] as const) {
      const created = await consoleCall("admin", "POST", "/api/console/users", { ...who, role: "reviewer" });
      expect(created.status).toBe(201);
      ids[name] = created.body.id;
      cookies[name] = (await loginConsole(server.url, who.email, who.password))!;
    }
    expect((await api(a, "POST", "/v3/webhook/destinations/", { label: "receiver", url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` })).status).toBe(201);
  });
  afterAll(async () => {
    await server?.stop();
    await new Promise((r) => receiver?.close(r));
  });

  it("enrols a manually approved case exactly as an automatic approval, so re-authentication needs no portrait", async () => {
    const auto = await capture({ workflow: "Liveness only", vendorData: "auto-user", selfie: "images/deepface-01/2.jpg" });
    expect(auto.status).toBe("Approved");
    // every live selfie now goes to a person
    expect((await thresholds(100, 0)).status).toBe(200);
    const manual = await capture({ workflow: "Liveness only", vendorData: "manual-user", selfie: "images/deepface-05/2.jpg" });
    expect(manual.status).toBe("In Review");
    // nothing is enrolled while the case waits: the selfie is only a candidate
    expect((await consoleCall("admin", "GET", "/api/console/end-users?vendor_data=manual-user")).body.templates).toEqual([]);
    expect((await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Selfie re-auth"), workflow_type: "biometric_authentication", vendor_data: "manual-user" })).status).toBe(422);

    const decided = await consoleCall("ana", "POST", `/api/console/sessions/${manual.id}/decision`, { decision: "Approved", reasonCode: "verified_manually" });
    expect(decided).toMatchObject({ status: 200, body: { status: "Approved", pending: false } });
    expect(await enrolment("manual-user")).toEqual(await enrolment("auto-user"));
    expect(await enrolment("manual-user")).toEqual({ templates: ["session:true"], devices: 1, ips: 1 });

    expect((await thresholds(50, 50)).status).toBe(200);
    const reauth = await capture({ workflow: "Selfie re-auth", type: "biometric_authentication", vendorData: "manual-user", selfie: "images/deepface-05/3.jpg" });
    expect(reauth.status).toBe("Approved");
    const decision = (await api(a, "GET", `/v3/session/${reauth.id}/decision/`)).body;
    expect(decision.face_match.status).toBe("Approved");
    // re-opening withdraws the enrolment the approval made
    const reopened = await api(a, "PATCH", `/v3/session/${manual.id}/update-status/`, { new_status: "In Review", comment: "customer disputes" });
    expect(reopened).toMatchObject({ status: 200, body: { status: "In Review" } });
    expect((await enrolment("manual-user")).templates).toEqual(["reauth:true"]);
  });

  it("takes reason codes and customer comments, keeps internal comments out of webhooks, and blocklists declined faces when asked", async () => {
    expect((await thresholds(100, 0)).status).toBe(200);
    expect((await consoleCall("admin", "PATCH", "/api/console/application", { reasonCodes: [{ code: "x", label: "", decisions: [] }] })).status).toBe(400);
    expect((await consoleCall("admin", "PATCH", "/api/console/application", { reasonCodes: [{ code: "fraud_ring", label: "Fraud ring", decisions: ["Declined"] }, { code: "fraud_ring", label: "Again", decisions: ["Resubmitted"] }] })).body.error.message).toMatch(/used twice/);
    expect((await consoleCall("admin", "PATCH", "/api/console/application", { autoBlocklistDeclined: true })).body).toMatchObject({ autoBlocklistDeclined: true, customReasonCodes: false });
    const c = await capture({ workflow: "Liveness only", vendorData: "mallory", selfie: "images/deepface-09/2.jpg" });
    expect(c.status).toBe("In Review");
    const url = `/v3/session/${c.id}/update-status/`;
    expect((await api(a, "POST", `/v3/sessions/${c.id}/reviews/`, { comment: "internal note: same device as case 12" })).status).toBe(201);
    // reviewers must give a reason; API callers may leave it out (as with the hosted service) but not give a wrong one
    expect((await consoleCall("ana", "POST", `/api/console/sessions/${c.id}/decision`, { decision: "Declined", comment: "x" })).body.error).toMatchObject({ code: "validation_error", field: "reason_code" });
    expect((await api(a, "PATCH", url, { new_status: "Declined", reason_code: "poor_image_quality" })).body.error.field).toBe("reason_code");
    const declined = await api(a, "PATCH", url, { new_status: "Declined", reason_code: "suspected_spoof", comment: "screen edges visible", customer_comment: "Please contact support." });
    expect(declined.status).toBe(200);
    expect(declined.body.reviews.map((r: { action: string }) => r.action)).toEqual(["comment", "decline"]);
    expect(declined.body.reviews.at(-1)).toMatchObject({ action: "decline", new_status: "Declined", reason_code: "suspected_spoof", reason: "Suspected spoof (photo, screen or mask)", customer_comment: "Please contact support.", comment: "screen edges visible" });
    const [hook] = await hooksFor(c.id, "Declined");
    expect(hook.decision?.reviews.at(-1)).toMatchObject({ reason_code: "suspected_spoof", customer_comment: "Please contact support.", comment: null });
    const lists = (await consoleCall("admin", "GET", "/api/console/lists")).body.data as { isSystem: boolean; entries: number }[];
    expect(lists.find((l) => l.isSystem)?.entries).toBe(1);
    expect(hook.decision?.reviews.map((r) => r.action)).toEqual(["decline"]);
  });

  it("hands a case back to the user for a new attempt and runs the workflow again", async () => {
    const c = await capture({ workflow: "Liveness only", vendorData: "resubmit-user", selfie: "images/deepface-05/2.jpg" });
    expect(c.status).toBe("In Review");
    expect((await api(a, "PATCH", `/v3/session/${c.id}/update-status/`, { new_status: "Resubmitted", reason_code: "suspected_spoof" })).body.error.field).toBe("reason_code");
    const sent = await api(a, "PATCH", `/v3/session/${c.id}/update-status/`, { new_status: "Resubmitted", reason_code: "poor_image_quality", customer_comment: "Face the window, please." });
    expect(sent.body).toMatchObject({ status: "Resubmitted", resubmissions: 1 });
    const state = await c.phone.state();
    expect(state.body).toMatchObject({ status: "Resubmitted", step: { type: "start" }, resubmission: { reason: "The photo was not clear enough.", comment: "Face the window, please." } });
    const started = await c.phone.start();
    expect(started.body).toMatchObject({ status: "In Progress", step: { type: "capture", attempt: 1 } });
    const done = await c.phone.captureLive(started.body.step.challenge.id, "images/deepface-09/2.jpg");
    expect(done.body.state.status).toBe("In Review");
    const decision = (await api(a, "GET", `/v3/session/${c.id}/decision/`)).body;
    expect(decision.liveness_checks.map((l: { attempt: number }) => l.attempt)).toEqual([1, 2]);
    expect((await hooksFor(c.id, "Resubmitted"))[0].decision?.reviews.at(-1)).toMatchObject({ action: "resubmit", reason_code: "poor_image_quality" });
  });

  it("enforces assignment, four-eyes, re-open and escalation, and keeps notes with mentions", async () => {
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    expect((await consoleCall("admin", "PATCH", `/api/console/workflows/${workflowId}/review-policy`, { fourEyes: { declines: true, approvalsAtRisk: "off" } })).status).toBe(200);
    const c = await capture({ workflow: "Liveness only", vendorData: "four-eyes-user", selfie: "images/deepface-09/2.jpg" });
    expect(c.status).toBe("In Review");
    const decide = (who: string, body: Record<string, unknown>) => consoleCall(who, "POST", `/api/console/sessions/${c.id}/decision`, body);

    expect((await consoleCall("ana", "POST", `/api/console/sessions/${c.id}/assignment`)).status).toBe(200);
    const refused = await decide("ben", { decision: "Declined", reasonCode: "face_mismatch" });
    expect(refused).toMatchObject({ status: 409, body: { error: { message: expect.stringContaining("assigned to ana@decisions.test") } } });
    expect((await consoleCall("ben", "POST", `/api/console/sessions/${c.id}/assignment`, { userId: ids.ben })).status).toBe(409);
    expect((await consoleCall("ana", "POST", `/api/console/sessions/${c.id}/assignment`, { userId: ids.ben })).body).toMatchObject({ assigned: true, assigneeId: ids.ben });

    const first = await decide("ben", { decision: "Declined", reasonCode: "face_mismatch", comment: "different jawline", customerComment: "We could not confirm it was you." });
    expect(first.body).toMatchObject({ status: "In Review", pending: true });
    const context = (await consoleCall("ana", "GET", `/api/console/sessions/${c.id}/decision-context`)).body;
    expect(context).toMatchObject({ status: "In Review", assignee: null, pending: { decision: "Declined", reasonCode: "face_mismatch", reviewer: { email: ben.email } } });
    expect((await decide("ana", { decision: "Approved", comment: "looks fine" })).status).toBe(409);
    expect((await consoleCall("ben", "POST", `/api/console/sessions/${c.id}/second-review`, { confirm: true })).status).toBe(403);
    expect((await consoleCall("ana", "POST", `/api/console/sessions/${c.id}/second-review`, { confirm: false, comment: "jawline is the lighting" })).body).toEqual({ status: "In Review" });
    expect((await consoleCall("ana", "GET", `/api/console/sessions/${c.id}/decision-context`)).body.pending).toBeNull();

    expect((await decide("ben", { decision: "Declined", reasonCode: "face_mismatch", comment: "still think so" })).body.pending).toBe(true);
    expect((await consoleCall("ana", "POST", `/api/console/sessions/${c.id}/second-review`, { confirm: true, comment: "agreed" })).body).toEqual({ status: "Declined" });
    const reviews = (await api(a, "GET", `/v3/sessions/${c.id}/reviews/`)).body.reviews as { action: string; reviewer: string; reason_code: string | null }[];
    expect(reviews.map((r) => `${r.action}:${r.reviewer}`)).toEqual([`decline:${ben.email}`, `reject:${ana.email}`, `decline:${ben.email}`, `confirm:${ana.email}`]);
    expect(reviews.at(-1)?.reason_code).toBe("face_mismatch");
    // what decided it: the first reviewer's decision, confirmed by the second
    expect((await api(a, "GET", `/v3/session/${c.id}/decision/`)).body.decided_by).toMatchObject({ rule: "second_review", status: "Declined", reviewerId: ids.ben, confirmedById: ids.ana });

    // a late decision on a decided case: 409 with who and when (the console shows the time in the reviewer's zone)
    const late = await decide("ana", { decision: "Approved", comment: "too late" });
    expect(late).toMatchObject({ status: 409, body: { error: { message: `Already Declined by ${ana.email}.`, details: { decidedBy: ana.email, decidedAt: expect.stringMatching(/Z$/) } } } });

    // re-open in the console, escalate, note with a mention
    expect((await decide("ben", { decision: "In Review" })).status).toBe(400);
    expect((await decide("ben", { decision: "In Review", comment: "new evidence from the customer" })).body).toMatchObject({ status: "In Review" });
    expect((await consoleCall("ben", "POST", `/api/console/sessions/${c.id}/escalation`, { priority: 2, assigneeId: ids.ana, comment: "needs a senior look" })).status).toBe(200);
    expect((await consoleCall("ana", "GET", `/api/console/sessions/${c.id}/decision-context`)).body).toMatchObject({ priority: 2, assignee: { email: ana.email } });
    expect((await api(a, "PATCH", `/v3/session/${c.id}/update-status/`, { new_status: "In Review" })).status).toBe(409);
    expect((await api(a, "PATCH", `/v3/session/${c.id}/update-status/`, { new_status: "In Review", priority: 1, comment: "escalated by the fraud system" })).status).toBe(200);
    expect((await consoleCall("ben", "POST", `/api/console/sessions/${c.id}/comments`, { comment: `@${ana.email} can you check the second attempt?` })).status).toBe(201);
    const all = (await api(a, "GET", `/v3/sessions/${c.id}/reviews/`)).body.reviews as { action: string }[];
    expect(all.map((r) => r.action).slice(-4)).toEqual(["reopen", "escalate", "escalate", "comment"]);
  });
});
