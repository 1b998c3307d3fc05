import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { createTenant, openTestDb } from "../support/tenants";
import { readStoredImage } from "../support/stored-images";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("case evidence");
const KEY = "case-evidence-key-0123456789abcdefgh";
const admin = { email: "admin@evidence.test", password: "admin-password-1" };
const reviewer = { email: "reviewer@evidence.test", password: "reviewer-password-1" };
const viewer = { email: "viewer@evidence.test", password: "viewer-password-1" };
type Warning = { risk: string; additional_data?: Record<string, unknown> };

// Evidence a reviewer works with, over HTTP against the real server and models: the portrait_image kept
// (or not) per Application.keepReferenceImages and deleted with the session and by retention, duplicate
// and blocklist warnings that name what they matched in every API that reports them, the engine overlay
// endpoint, and adding a case's face to a list. The database and DATA_DIR are inspected directly.
describe.skipIf(!datasetsPresent).each(dbProviders)("case evidence (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  let a: Api;
  const cookies: Record<"admin" | "reviewer" | "viewer", string> = { admin: "", reviewer: "", viewer: "" };
  let alice = "";
  let carol = "";

  async function consoleCall(who: keyof typeof cookies | null, method: string, p: string, json?: unknown) {
    const res = await fetch(`${server.url}${p}`, { method, headers: { ...(who ? { cookie: cookies[who] } : {}), ...(json ? { "content-type": "application/json" } : {}) }, body: json ? JSON.stringify(json) : undefined });
    return { status: res.status, body: await res.json().catch(() => null) };
  }
  async function reauth(input: { vendorData: string; portrait: string; selfie?: string }) {
    const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
    const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: input.vendorData, portrait_image: imageBytes(input.portrait).toString("base64") });
    expect(created.status).toBe(201);
    const id = created.body.session_id as string;
    if (!input.selfie) return { id, status: "Not Started", referenceBefore: await reference(id) };
    const referenceBefore = await reference(id);
    const phone = new CaptureClient(server.url, tokenOf(created.body.url));
    const started = await phone.start();
    const done = await phone.captureLive(started.body.step.challenge.id, input.selfie);
    return { id, status: done.body.state.status as string, referenceBefore };
  }
  const storedImage = (storageKey: string) => readStoredImage(db, { provider, dataDir: server.dataDir, storageKey });
  // the session's stored reference image: its row, whether its sealed envelope exists, and the template's link
  async function reference(sessionId: string) {
    const media = await db.media.findFirst({ where: { sessionId, kind: "reference" } });
    const session = await db.verificationSession.findUnique({ where: { id: sessionId }, select: { portraitMediaId: true, referenceTemplateId: true } });
    const template = session?.referenceTemplateId ? await db.faceTemplate.findUnique({ where: { id: session.referenceTemplateId } }) : null;
    const stored = media ? await storedImage(media.storageKey) : null;
    // sealed: not a readable JPEG where it is stored
    const sealed = stored ? !stored.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])) : null;
    return { media, fileExists: stored !== null, sealed, storageKey: media?.storageKey ?? null, portraitMediaId: session?.portraitMediaId ?? null, templateMediaId: template?.mediaId ?? null };
  }
  const evidence = (sessionId: string) => consoleCall("reviewer", "GET", `/api/console/sessions/${sessionId}/evidence`);
  const setPolicy = async (keepReferenceImages: string) => expect((await consoleCall("admin", "PATCH", "/api/console/application", { keepReferenceImages })).status).toBe(200);

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    a = { url: server.url, key: KEY };
    db = openTestDb(provider, server.databaseUrl);
    cookies.admin = (await loginConsole(server.url, admin.email, admin.password))!;
    for (const [who, role] of [[reviewer, "reviewer"], [viewer, "viewer"]] as const) {
      expect((await consoleCall("admin", "POST", "/api/console/users", { ...who, role })).status).toBe(201);
      cookies[role] = (await loginConsole(server.url, who.email, who.password))!;
    }
  }, 180_000);
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("keeps the portrait_image only while a reviewer may need it (default in_review)", async () => {
    expect((await consoleCall("viewer", "GET", "/api/console/application")).body.keepReferenceImages).toBe("in_review");
    // approved automatically: the reference was sealed on creation, then deleted with its file
    const approved = await reauth({ vendorData: "alice", portrait: "images/deepface-01/1.jpg", selfie: "images/deepface-01/2.jpg" });
    expect(approved.status).toBe("Approved");
    alice = approved.id;
    const before = approved.referenceBefore;
    expect(before.media?.mimeType).toBe("image/jpeg");
    expect(before.fileExists).toBe(true);
    expect(before.sealed).toBe(true);
    expect(before.portraitMediaId).toBe(before.media!.id);
    expect(before.templateMediaId).toBe(before.media!.id);
    const after = await reference(alice);
    expect(after.media).toBeNull();
    expect(await storedImage(before.storageKey!)).toBeNull();
    expect(after.templateMediaId).toBeNull();
    expect(await db.media.count({ where: { id: before.media!.id } })).toBe(0);
    const shown = await evidence(alice);
    expect(shown.body.reference).toBeNull();
    expect((await api(a, "GET", `/v3/session/${alice}/decision/`)).body.face_match.target_image).toBeNull();
    expect(shown.body.referenceNote).toMatch(/deleted when the session finished without review/);

    // every match short of 100 goes to review: that case keeps its reference, also once decided
    expect((await consoleCall("admin", "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 100, faceMatchDeclineThreshold: 0, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
    const reviewed = await reauth({ vendorData: "carol", portrait: "images/deepface-05/1.jpg", selfie: "images/deepface-05/2.jpg" });
    expect(reviewed.status).toBe("In Review");
    carol = reviewed.id;
    expect((await api(a, "PATCH", `/v3/session/${carol}/update-status/`, { new_status: "Approved", comment: "same person" })).status).toBe(200);
    const kept = await reference(carol);
    expect(kept.fileExists).toBe(true);
    const shownKept = await evidence(carol);
    expect(shownKept.body.reference.mediaId).toBe(kept.media!.id);
    expect(shownKept.body.referenceNote).toBe("portrait_image sent with the session");
    // the decision links it as the face match's target_image, as the hosted service does
    expect((await api(a, "GET", `/v3/session/${carol}/decision/`)).body.face_match.target_image).toMatch(new RegExp(`/media/${kept.media!.id}\\?`));
    const image = await fetch(shownKept.body.reference.url);
    expect(image.status).toBe(200);
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).format).toBe("jpeg");
    expect((await consoleCall("admin", "PATCH", "/api/console/thresholds", { faceMatchReviewThreshold: 70, faceMatchDeclineThreshold: 50, livenessReviewThreshold: 50, livenessDeclineThreshold: 50 })).status).toBe(200);
  });

  it("never keeps it with never, always with always, and deletes it with the session", async () => {
    expect((await consoleCall("viewer", "PATCH", "/api/console/application", { keepReferenceImages: "always" })).status).toBe(403);
    expect((await consoleCall("admin", "PATCH", "/api/console/application", { keepReferenceImages: "sometimes" })).status).toBe(400);
    await setPolicy("never");
    const never = await reauth({ vendorData: "dave", portrait: "images/deepface-02/1.jpg" });
    expect(never.referenceBefore.media).toBeNull();
    expect((await evidence(never.id)).body.referenceNote).toMatch(/never/);

    await setPolicy("always");
    const always = await reauth({ vendorData: "erin", portrait: "images/deepface-02/1.jpg", selfie: "images/deepface-02/2.jpg" });
    expect(always.status).toBe("Approved");
    const kept = await reference(always.id);
    expect(kept.fileExists).toBe(true);
    expect(kept.media!.expiresAt).toBeNull();
    expect((await api(a, "DELETE", `/v3/session/${always.id}/delete/`)).status).toBe(204);
    expect(await storedImage(kept.storageKey!)).toBeNull();
    expect(await db.media.count({ where: { id: kept.media!.id } })).toBe(0);
  });

  it("warnings name the matched session, vendor_data and list in face-search, passive-liveness, the decision and the webhook", async () => {
    const search = async (endpoint: string) => {
      const form = new FormData();
      form.append("user_image", faceImage("images/deepface-01/3.jpg"), "probe.jpg");
      form.append("vendor_data", "mallory");
      const res = await fetch(`${server.url}/v3/${endpoint}/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
      expect(res.status).toBe(200);
      return res.json();
    };
    const aliceNumber = (await db.verificationSession.findUnique({ where: { id: alice } }))!.sessionNumber;
    const found = await search("face-search");
    const duplicate = (found.face_search.warnings as Warning[]).find((w) => w.risk === "DUPLICATED_FACE")!;
    expect(duplicate.additional_data).toMatchObject({ duplicated_session_id: alice, duplicated_session_number: aliceNumber, vendor_data: "alice", api_service: null });
    expect(duplicate.additional_data!.similarity).toBeGreaterThanOrEqual(70);
    expect((found.face_search.warnings as Warning[]).filter((w) => w.risk !== "DUPLICATED_FACE").every((w) => !("additional_data" in w))).toBe(true);

    // a reviewer puts alice's face on a blocklist from her case: once, audited, shown on the case
    const list = await consoleCall("admin", "POST", "/api/console/lists", { name: "Fraud ring", kind: "blocklist" });
    expect(list.status).toBe(201);
    expect((await consoleCall("viewer", "POST", `/api/console/sessions/${alice}/lists`, { listId: list.body.id })).status).toBe(403);
    expect((await consoleCall("reviewer", "POST", `/api/console/sessions/${alice}/lists`, { listId: "not-a-list" })).status).toBe(400);
    expect((await consoleCall("reviewer", "POST", `/api/console/sessions/${alice}/lists`, { listId: list.body.id })).status).toBe(201);
    expect((await consoleCall("reviewer", "POST", `/api/console/sessions/${alice}/lists`, { listId: list.body.id })).status).toBe(409);
    expect((await evidence(alice)).body.lists).toEqual([expect.objectContaining({ id: list.body.id, name: "Fraud ring", kind: "blocklist" })]);
    expect(await db.auditLog.count({ where: { action: "session.face_listed", targetId: alice } })).toBe(1);

    const liveness = await search("passive-liveness");
    const blocked = (liveness.liveness.warnings as Warning[]).find((w) => w.risk === "FACE_IN_BLOCKLIST")!;
    expect(blocked.additional_data).toMatchObject({ blocklisted_session_id: alice, blocklisted_session_number: aliceNumber, vendor_data: "alice", list_id: list.body.id, list_name: "Fraud ring" });

    // a hosted session whose workflow checks the lists: the decision and its webhook carry the same
    const workflow = await api(a, "POST", "/v3/workflows/", { workflow_label: "Liveness and lists", features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }, { feature: "FACE_LIST_CHECK" }] });
    expect(workflow.status).toBe(201);
    const created = await api(a, "POST", "/v3/session/", { workflow_id: workflow.body.workflow_id ?? workflow.body.id, vendor_data: "mallory" });
    const phone = new CaptureClient(server.url, tokenOf(created.body.url));
    const started = await phone.start();
    expect((await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/3.jpg")).body.state.status).toBe("Declined");
    const decision = await api(a, "GET", `/v3/session/${created.body.session_id}/decision/`);
    const inLiveness = (decision.body.liveness.warnings as Warning[]).find((w) => w.risk === "FACE_IN_BLOCKLIST")!;
    expect(inLiveness.additional_data).toMatchObject({ blocklisted_session_id: alice, list_name: "Fraud ring" });
    expect((decision.body.face_list_check.warnings as Warning[]).map((w) => w.risk)).toContain("FACE_IN_BLOCKLIST");
    const event = await db.webhookEvent.findFirst({ where: { sessionId: created.body.session_id, type: "status.updated" }, orderBy: { createdAt: "desc" } });
    const hooked = ((event!.payload as { decision: { liveness: { warnings: Warning[] } } }).decision.liveness.warnings).find((w) => w.risk === "FACE_IN_BLOCKLIST")!;
    expect(hooked.additional_data).toMatchObject({ blocklisted_session_id: alice, vendor_data: "alice" });
    // the case names the matched face and offers its image
    const matches = (await evidence(created.body.session_id)).body.matches as { risk: string; sessionId: string; image: { url: string } | null }[];
    expect(matches.find((m) => m.risk === "FACE_IN_BLOCKLIST")).toMatchObject({ sessionId: alice });
    expect(matches.find((m) => m.risk === "FACE_IN_BLOCKLIST")!.image).not.toBeNull();
  });

  it("explains an image of the case: face box, alignment points and the crops the models used (reviewer+)", async () => {
    const shown = (await evidence(carol)).body;
    const selfie = shown.selfie.mediaId as string;
    const url = (id: string, media: string) => `/api/console/sessions/${id}/analysis?media=${media}`;
    const res = await consoleCall("reviewer", "GET", url(carol, selfie));
    expect(res.status).toBe(200);
    const [face] = res.body.faces as { box: { x: number; y: number; width: number; height: number }; landmarks: Record<string, [number, number]> }[];
    expect(Object.keys(face.landmarks)).toHaveLength(5);
    for (const [x, y] of Object.values(face.landmarks)) {
      expect(x).toBeGreaterThan(face.box.x);
      expect(x).toBeLessThan(face.box.x + face.box.width);
      expect(y).toBeGreaterThan(face.box.y);
      expect(y).toBeLessThan(face.box.y + face.box.height);
    }
    const chip = res.body.crops[0] as { image: string; width: number; model: string };
    expect(chip.image).toMatch(/^data:image\/jpeg;base64,/);
    expect((await sharp(Buffer.from(chip.image.split(",")[1], "base64")).metadata()).width).toBe(chip.width);
    expect(res.body.crops[1].label).toMatch(/Liveness/);
    // the kept reference too; not for viewers, not signed out, nothing outside this case
    expect((await consoleCall("reviewer", "GET", url(carol, shown.reference.mediaId))).status).toBe(200);
    expect((await consoleCall("viewer", "GET", url(carol, selfie))).status).toBe(403);
    expect((await consoleCall(null, "GET", url(carol, selfie))).status).toBe(401);
    expect((await consoleCall("reviewer", "GET", `/api/console/sessions/${carol}/analysis`)).status).toBe(400);
    const aliceSelfie = (await evidence(alice)).body.selfie.mediaId as string;
    expect((await consoleCall("reviewer", "GET", url(carol, aliceSelfie))).status).toBe(404);
    expect((await consoleCall("reviewer", "GET", url("00000000-0000-4000-8000-000000000000", selfie))).status).toBe(404);
    const other = await createTenant(db, "Other tenant");
    const foreign = await api({ url: server.url, key: other.key }, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel({ url: server.url, key: other.key }, "Liveness only"), vendor_data: "x" });
    expect((await consoleCall("reviewer", "GET", url(foreign.body.session_id, selfie))).status).toBe(404);
    expect((await consoleCall("reviewer", "GET", `/api/console/sessions/${foreign.body.session_id}/evidence`)).status).toBe(404);
    // crops are computed in memory: nothing but sealed blobs and the database under DATA_DIR
    const plain: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (readFileSync(p).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) plain.push(p);
      }
    };
    walk(server.dataDir);
    expect(plain).toEqual([]);
  });

  it("shows every attempt's image, the failed one too, labelled by attempt", async () => {
    const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "gina" });
    const phone = new CaptureClient(server.url, tokenOf(created.body.url));
    const started = await phone.start();
    // a burst of one still photo is not a live face: the user is asked to try again
    const still = imageBytes("images/deepface-02/2.jpg");
    const first = await phone.captureBurst(started.body.step.challenge.id, Array.from({ length: started.body.step.challenge.frames }, () => still));
    expect(first.body.outcome).toBe("retry");
    const second = await phone.captureLive(first.body.state.step.challenge.id, "images/deepface-02/2.jpg");
    expect(second.body.state.status).toBe("Approved");
    const shown = (await evidence(created.body.session_id)).body;
    const attempts = shown.attempts as { attempt: number; status: string; mediaId: string; url: string }[];
    expect(attempts.map((x) => [x.attempt, x.status])).toEqual([[1, "Declined"], [2, "Approved"]]);
    expect(new Set(attempts.map((x) => x.mediaId)).size).toBe(2);
    expect(shown.selfie.mediaId).toBe(attempts[1].mediaId);
    expect((await fetch(attempts[0].url)).status).toBe(200);
    // the failed attempt's image can be explained like any other image of the case
    expect((await consoleCall("reviewer", "GET", `/api/console/sessions/${created.body.session_id}/analysis?media=${attempts[0].mediaId}`)).status).toBe(200);
  });

  it("retention deletes a kept reference with its session", async () => {
    await setPolicy("always");
    expect((await consoleCall("admin", "PATCH", "/api/console/application", { retentionDays: 30 })).status).toBe(200);
    const kept = await reauth({ vendorData: "frank", portrait: "images/deepface-02/1.jpg" });
    const expires = kept.referenceBefore.media!.expiresAt!.getTime();
    expect(Math.abs(expires - (Date.now() + 30 * 86_400_000))).toBeLessThan(3_600_000);
    // one pass of the server's retention job, 31 days on, against this server's database and DATA_DIR
    Object.assign(process.env, { DATA_DIR: server.dataDir, DATABASE_URL: server.databaseUrl });
    resetEnvCache();
    const { runRetention } = await import("@/lib/retention/run-retention");
    await runRetention(db, { now: new Date(Date.now() + 31 * 86_400_000) });
    expect(await storedImage(kept.referenceBefore.storageKey!)).toBeNull();
    expect(await db.media.count({ where: { id: kept.referenceBefore.media!.id } })).toBe(0);
    expect(await db.verificationSession.count({ where: { id: kept.id } })).toBe(0);
  });
});
