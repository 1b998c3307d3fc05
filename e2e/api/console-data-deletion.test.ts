import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { readStoredImage } from "../support/stored-images";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("console data-subject deletion");
const KEY = "dsr-key-0123456789abcdefgh";
const admin = { email: "admin@example.test", password: "admin-password-1" };
const SUBJECT = "dsr-user";
const BYSTANDER = "dsr-bystander";

// A data-subject deletion request end to end: the person is enrolled through real approved sessions
// (live selfie, then re-authentication with a portrait_image from a known device and IP), is found by
// 1:N face search, and an admin deletes them through the console. Afterwards the server's own database
// and DATA_DIR are inspected directly: nothing about them may remain, and the audit trail must not
// name them in clear.
describe.skipIf(!datasetsPresent).each(dbProviders)("data-subject deletion from the console (%s)", (provider) => {
  let server: TestServer;
  let db: PrismaClient;
  let a: Api;
  let cookie: string;
  let sealed: Buffer[] = [];

  beforeAll(async () => {
    // the test client plays a reverse proxy: X-Forwarded-For gives each session its address
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: KEY };
    db =
      provider === "postgresql"
        ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: server.databaseUrl }) }) as unknown as PrismaClient)
        : new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: server.databaseUrl.replace(/^file:/, "") }) });
    cookie = (await loginConsole(server.url, admin.email, admin.password))!;
    expect(cookie).toBeTruthy();
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  async function search(image: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.append("user_image", faceImage(image), "upload.jpg");
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    const res = await fetch(`${server.url}/v3/face-search/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
    expect(res.status).toBe(200);
    return (await res.json()) as { face_search: { matches: { vendor_data: string | null; session_id: string | null; source: string }[] } };
  }

  async function approvedLivenessSession(vendorData: string, image: string, headers: Record<string, string> = {}) {
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: vendorData });
    expect(created.status).toBe(201);
    const capture = new CaptureClient(server.url, tokenOf(created.body.url), headers);
    const started = await capture.start();
    const done = await capture.captureLive(started.body.step.challenge.id, image);
    expect(done.body.state.status).toBe("Approved");
    return created.body.session_id as string;
  }

  it("deletes the person's sessions, templates, images, devices and IPs, and face search forgets them", async () => {
    // enrolment: an approved live selfie (session template + stored selfie)
    const first = await approvedLivenessSession(SUBJECT, "images/deepface-01/2.jpg", { "x-forwarded-for": "203.0.113.41" });
    // re-authentication with a portrait_image from a phone and IP (portrait + reauth templates, known device and IP)
    const reauthWorkflow = await workflowIdByLabel(a, "Selfie re-auth");
    const reauth = await api(a, "POST", "/v3/session/", { workflow_id: reauthWorkflow, workflow_type: "biometric_authentication", vendor_data: SUBJECT, portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
    expect(reauth.status).toBe(201);
    const phone = new CaptureClient(server.url, tokenOf(reauth.body.url), { "x-forwarded-for": "203.0.113.42" });
    const started = await phone.start();
    const done = await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/3.jpg");
    expect(done.body.state.status).toBe("Approved");
    // someone else, who must survive the deletion
    const bystanderSession = await approvedLivenessSession(BYSTANDER, "images/deepface-02/1.jpg");

    // 1:N face search finds the subject (this request is saved with its image under their vendor_data too)
    const before = await search("images/deepface-01/4.jpg", { vendor_data: SUBJECT, save_api_request: "true" });
    expect(before.face_search.matches.map((m) => m.vendor_data)).toContain(SUBJECT);
    expect(before.face_search.matches.map((m) => m.session_id)).toEqual(expect.arrayContaining([first]));

    // what is stored about the subject before the deletion
    const sessions = await db.verificationSession.findMany({ where: { vendorData: SUBJECT }, select: { id: true } });
    const sessionIds = sessions.map((s) => s.id);
    expect(sessionIds).toEqual(expect.arrayContaining([first, reauth.body.session_id]));
    const templates = await db.faceTemplate.findMany({ where: { OR: [{ vendorData: SUBJECT }, { sessionId: { in: sessionIds } }] }, select: { id: true, source: true, embedding: true } });
    // every finished capture also keeps its selfie's sealed candidate template
    expect(new Set(templates.map((t) => t.source))).toEqual(new Set(["session", "portrait", "reauth", "candidate"]));
    const requests = await db.apiRequest.findMany({ where: { vendorData: SUBJECT }, select: { id: true } });
    expect(requests.length).toBeGreaterThanOrEqual(1);
    const media = await db.media.findMany({ where: { OR: [{ sessionId: { in: sessionIds } }, { requestId: { in: requests.map((r) => r.id) } }] }, select: { id: true, kind: true, storageKey: true } });
    expect(media.filter((m) => m.kind === "selfie").length).toBeGreaterThanOrEqual(2);
    expect(media.some((m) => m.kind === "user_image")).toBe(true);
    const storedImage = (storageKey: string) => readStoredImage(db, { provider, dataDir: server.dataDir, storageKey });
    for (const m of media) expect(await storedImage(m.storageKey), m.storageKey).not.toBeNull();
    expect(await db.knownDevice.count({ where: { vendorData: SUBJECT } })).toBeGreaterThanOrEqual(1);
    expect(await db.knownIp.count({ where: { vendorData: SUBJECT } })).toBeGreaterThanOrEqual(1);
    const bystanderMedia = await db.media.findMany({ where: { sessionId: bystanderSession }, select: { storageKey: true } });
    expect(bystanderMedia.length).toBeGreaterThanOrEqual(1);

    // only an admin may delete, and vendor_data is required
    expect((await fetch(`${server.url}/api/console/end-users?vendor_data=${SUBJECT}`, { method: "DELETE" })).status).toBe(401);
    expect((await fetch(`${server.url}/api/console/end-users`, { method: "DELETE", headers: { cookie } })).status).toBe(400);

    const res = await fetch(`${server.url}/api/console/end-users?vendor_data=${encodeURIComponent(SUBJECT)}`, { method: "DELETE", headers: { cookie } });
    expect(res.status).toBe(200);
    const { deleted } = (await res.json()) as { deleted: Record<string, number> };
    expect(deleted).toMatchObject({ sessions: sessionIds.length, templates: templates.length, images: media.length, apiRequests: requests.length });
    expect(deleted.devices).toBeGreaterThanOrEqual(1);
    expect(deleted.ips).toBeGreaterThanOrEqual(1);

    // the database holds nothing about the subject any more
    expect(await db.verificationSession.count({ where: { OR: [{ vendorData: SUBJECT }, { id: { in: sessionIds } }] } })).toBe(0);
    expect(await db.checkResult.count({ where: { sessionId: { in: sessionIds } } })).toBe(0);
    expect(await db.sessionEvent.count({ where: { sessionId: { in: sessionIds } } })).toBe(0);
    expect(await db.webhookEvent.count({ where: { sessionId: { in: sessionIds } } })).toBe(0);
    expect(await db.faceTemplate.count({ where: { OR: [{ vendorData: SUBJECT }, { sessionId: { in: sessionIds } }, { id: { in: templates.map((t) => t.id) } }] } })).toBe(0);
    expect(await db.media.count({ where: { OR: [{ id: { in: media.map((m) => m.id) } }, { sessionId: { in: sessionIds } }] } })).toBe(0);
    expect(await db.knownDevice.count({ where: { vendorData: SUBJECT } })).toBe(0);
    expect(await db.knownIp.count({ where: { vendorData: SUBJECT } })).toBe(0);
    expect(await db.apiRequest.count({ where: { vendorData: SUBJECT } })).toBe(0);

    // no sealed embedding of theirs is left in any template row
    const remaining = await db.faceTemplate.findMany({ select: { embedding: true } });
    sealed = templates.map((t) => Buffer.from(t.embedding));
    for (const row of remaining) for (const bytes of sealed) expect(Buffer.from(row.embedding).equals(bytes)).toBe(false);

    // their sealed images are gone (DATA_DIR/blobs on SQLite, MediaBlob on PostgreSQL); the bystander's are not
    for (const m of media) expect(await storedImage(m.storageKey), m.storageKey).toBeNull();
    for (const m of bystanderMedia) expect(await storedImage(m.storageKey)).not.toBeNull();
    expect(await db.verificationSession.count({ where: { vendorData: BYSTANDER } })).toBe(1);

    // face search no longer returns them (the in-memory index noticed the deletion), but still works
    const after = await search("images/deepface-01/4.jpg", { save_api_request: "false" });
    expect(after.face_search.matches.map((m) => m.vendor_data)).not.toContain(SUBJECT);
    expect(after.face_search.matches.some((m) => m.session_id !== null && sessionIds.includes(m.session_id))).toBe(false);
    const bystander = await search("images/deepface-02/2.jpg", { save_api_request: "false" });
    expect(bystander.face_search.matches.map((m) => m.vendor_data)).toContain(BYSTANDER);

    // the audit entry records the deletion without the vendor_data in clear
    const audit = await db.auditLog.findMany({ where: { action: "end_user.deleted" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorType: "user", actorLabel: admin.email, targetType: "end_user" });
    expect(audit[0].targetId).toMatch(/^[0-9a-f]{64}$/);
    const allAudit = await db.auditLog.findMany();
    expect(JSON.stringify(allAudit)).not.toContain(SUBJECT);
    const auditPage = await fetch(`${server.url}/audit`, { headers: { cookie } });
    expect(auditPage.status).toBe(200);
    const html = await auditPage.text();
    expect(html).toContain("end_user.deleted");
    expect(html).not.toContain(SUBJECT);

    // a second request finds nothing left to delete
    expect((await fetch(`${server.url}/api/console/end-users?vendor_data=${SUBJECT}`, { method: "DELETE", headers: { cookie } })).status).toBe(404);

  }, 180_000);

  // SQLite would keep deleted rows' bytes in free pages and the WAL: secure_delete and a TRUNCATE
  // checkpoint after the deletion make sure the sealed embeddings are gone from the files too.
  if (provider === "sqlite") {
    it("leaves no sealed embedding bytes in the SQLite file or its WAL", () => {
      expect(sealed.length).toBeGreaterThan(0);
      const file = server.databaseUrl.replace(/^file:/, "");
      for (const f of [file, `${file}-wal`].filter((name) => existsSync(name))) {
        const raw = readFileSync(f);
        for (const bytes of sealed) expect(raw.includes(bytes), `sealed embedding bytes still in ${path.basename(f)}`).toBe(false);
      }
    });
  }
});
