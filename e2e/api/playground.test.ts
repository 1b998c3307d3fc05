import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { openTestDb } from "../support/tenants";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("console playground");
const KEY = "playground-key-0123456789abcdefghij";
const admin = { email: "admin@playground.test", password: "admin-password-1" };
const viewer = { email: "viewer@playground.test", password: "viewer-password-1" };
type Warning = { risk: string };
type Overlay = { width: number; height: number; faces: { box: { width: number }; landmarks: Record<string, [number, number]> }[]; crops: { label: string; image: string }[] };

// The console playground over HTTP against the real server and models, on SQLite and PostgreSQL: the
// same checks as /v3 on dataset faces, what the engine saw, the request log and audit rows it writes,
// that nothing uploaded is stored unless kept, every class of bad input, and who may call it.
describe.skipIf(!datasetsPresent).each(dbProviders)("console playground (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  const cookies = { admin: "", viewer: "" };

  async function playground(check: string, files: Record<string, Blob | string>, options: { who?: keyof typeof cookies | null; headers?: Record<string, string> } = {}) {
    const form = new FormData();
    for (const [name, value] of Object.entries(files)) {
      if (typeof value === "string") form.append(name, value);
      else form.append(name, value, `${name}.jpg`);
    }
    const who = options.who === undefined ? "viewer" : options.who;
    const res = await fetch(`${server.url}/api/console/playground/${check}`, { method: "POST", headers: { ...(who ? { cookie: cookies[who] } : {}), ...options.headers }, body: form });
    return { status: res.status, body: await res.json() };
  }
  const requestRows = () => db.apiRequest.count();
  const mediaOf = (requestId: string) => db.media.count({ where: { requestId } });

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    db = openTestDb(provider, server.databaseUrl);
    cookies.admin = (await loginConsole(server.url, admin.email, admin.password))!;
    const created = await fetch(`${server.url}/api/console/users`, { method: "POST", headers: { cookie: cookies.admin, "content-type": "application/json" }, body: JSON.stringify({ ...viewer, role: "viewer" }) });
    expect(created.status).toBe(201);
    cookies.viewer = (await loginConsole(server.url, viewer.email, viewer.password))!;
    // the application keeps API images by default: the playground must still keep nothing unless ticked
    const patched = await fetch(`${server.url}/api/console/application`, { method: "PATCH", headers: { cookie: cookies.admin, "content-type": "application/json" }, body: JSON.stringify({ saveApiRequests: true }) });
    expect(patched.status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("scores the same person high and another person low, exactly as /v3 does, and shows what the engine saw", async () => {
    const before = await requestRows();
    const same = await playground("face-match", { source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg") });
    expect(same.status).toBe(200);
    expect(same.body.result.face_match.status).toBe("Approved");
    expect(same.body.result.face_match.score).toBeGreaterThanOrEqual(70);
    expect(same.body.thresholds).toEqual({ review: 70, decline: 50 });
    expect(same.body.kept).toBe(false);
    expect(same.body.result.face_match.source_image).toBeNull();
    // both images: one face, five alignment points inside it, the recogniser's chip and the liveness patch
    expect(same.body.images.map((i: { field: string }) => i.field)).toEqual(["source_image", "target_image"]);
    for (const { overlay } of same.body.images as { overlay: Overlay }[]) {
      expect(overlay.faces).toHaveLength(1);
      expect(Object.keys(overlay.faces[0].landmarks)).toHaveLength(5);
      expect(overlay.crops.map((c) => c.label)).toEqual(["Aligned face (recogniser)", "Liveness patch"]);
      expect(overlay.crops[0].image).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    }
    expect(same.body.curl).toContain(`'${server.url}/v3/face-match/'`);
    expect(same.body.curl).toContain(`-H "x-api-key: $API_KEY"`);
    expect(same.body.curl).toContain("-F 'save_api_request=false'");
    expect(same.body.curl).not.toContain(KEY);

    const other = await playground("face-match", { source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-02/1.jpg") });
    expect(other.body.result.face_match.status).toBe("Declined");
    expect(other.body.result.face_match.score).toBeLessThan(50);
    expect(other.body.result.face_match.warnings.map((w: Warning) => w.risk)).toContain("LOW_FACE_MATCH_SIMILARITY");

    // the curl command's /v3 call gives the same score
    const form = new FormData();
    form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
    form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
    form.append("rotate_image", "true");
    form.append("save_api_request", "false");
    const v3 = await (await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": KEY }, body: form })).json();
    expect(v3.face_match.score).toBe(same.body.result.face_match.score);

    // counted like API calls (no key: the console's user ran it), audited, and nothing stored
    expect(await requestRows()).toBe(before + 3);
    const row = await db.apiRequest.findUnique({ where: { id: same.body.result.request_id } });
    expect(row).toMatchObject({ endpoint: "face-match", status: "Approved", apiKeyId: null });
    expect((row!.result as { origin?: string }).origin).toBe("console");
    expect(await mediaOf(same.body.result.request_id)).toBe(0);
    const audit = await db.auditLog.findFirst({ where: { action: "playground.face-match", targetId: same.body.result.request_id } });
    expect(audit).toMatchObject({ actorType: "user", actorLabel: viewer.email, targetType: "api_request" });
    expect(audit!.details).toMatchObject({ kept: false, images: 2 });
  });

  it("keeps the images only when asked, under the application's retention rules", async () => {
    const kept = await playground("face-match", { source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg"), keep: "true" });
    expect(kept.status).toBe(200);
    expect(kept.body.kept).toBe(true);
    expect(kept.body.result.face_match.source_image).toMatch(/\/media\//);
    expect(kept.body.curl).toContain("-F 'save_api_request=true'");
    expect(await mediaOf(kept.body.result.request_id)).toBe(2);
  });

  it("says which face it used when several are found", async () => {
    const several = await playground("face-match", { source_image: faceImage("multi-face/couple.jpg"), target_image: faceImage("images/deepface-01/2.jpg") });
    expect(several.status).toBe(200);
    expect(several.body.result.face_match.warnings.map((w: Warning) => w.risk)).toContain("MULTIPLE_FACES_DETECTED");
    const faces = (several.body.images[0].overlay as Overlay).faces;
    expect(faces.length).toBeGreaterThan(1);
    // the first face is the one used: the largest
    expect(Math.max(...faces.map((f) => f.box.width))).toBe(faces[0].box.width);
  });

  it("runs passive liveness and face search on one image", async () => {
    const live = await playground("passive-liveness", { user_image: faceImage("images/deepface-01/3.jpg") });
    expect(live.status).toBe(200);
    expect(live.body.result.liveness.method).toBe("PASSIVE");
    expect(typeof live.body.result.liveness.score).toBe("number");
    expect(live.body.thresholds).toEqual({ review: 50, decline: 50 });
    expect((live.body.images[0].overlay as Overlay).crops[1].label).toBe("Liveness patch");
    expect(await db.auditLog.count({ where: { action: "playground.passive-liveness" } })).toBe(1);

    const lists = (await (await fetch(`${server.url}/api/console/lists`, { headers: { cookie: cookies.admin } })).json()) as { data: { id: string; kind: string; name: string }[] };
    const blocklist = lists.data.find((l) => l.kind === "blocklist")!;
    const entry = new FormData();
    entry.append("image", faceImage("images/deepface-05/1.jpg"), "face.jpg");
    expect((await fetch(`${server.url}/api/console/lists/${blocklist.id}/entries`, { method: "POST", headers: { cookie: cookies.admin }, body: entry })).status).toBe(201);
    const hit = await playground("face-search", { user_image: faceImage("images/deepface-05/2.jpg") });
    expect(hit.status).toBe(200);
    expect(hit.body.result.face_search.matches[0]).toMatchObject({ source: "list", list_id: blocklist.id });
    expect(hit.body.result.face_search.warnings.map((w: Warning) => w.risk)).toContain("FACE_IN_BLOCKLIST");
    expect(hit.body.curl).toContain("/v3/face-search/");
    const miss = await playground("face-search", { user_image: faceImage("images/deepface-02/1.jpg") });
    expect(miss.body.result.face_search.matches.some((m: { list_id: string | null }) => m.list_id === blocklist.id)).toBe(false);
  });

  it("answers every kind of bad input with the API's JSON errors, and a missing face with NO_FACE_DETECTED", async () => {
    const before = await requestRows();
    const jpeg = new Uint8Array(await faceImage("images/deepface-01/1.jpg").arrayBuffer());
    const flood = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    const cases: [Record<string, Blob | string>, number, string][] = [
      [{ target_image: faceImage("images/deepface-01/2.jpg") }, 400, "validation_error"],
      [{ source_image: new Blob(["just some text"]) }, 415, "unsupported_media_type"],
      [{ source_image: new Blob([jpeg.slice(0, 2000)]) }, 422, "invalid_image"],
      [{ source_image: new Blob([jpeg, new Uint8Array(5 * 1024 * 1024)]) }, 413, "payload_too_large"],
      [{ source_image: new Blob([flood]) }, 422, "image_too_large"],
    ];
    for (const [files, status, code] of cases) {
      const res = await playground("face-match", { target_image: faceImage("images/deepface-01/2.jpg"), ...files });
      expect(res.status, code).toBe(status);
      expect(res.body.error.code, code).toBe(code);
      expect(res.body.error.message.length, code).toBeGreaterThan(10);
    }
    expect(await requestRows()).toBe(before);
    const noFace = await playground("face-match", { source_image: faceImage("no-face/blank-white.jpg"), target_image: faceImage("images/deepface-01/2.jpg") });
    expect(noFace.status).toBe(200);
    expect(noFace.body.result.face_match.status).toBe("Declined");
    expect(noFace.body.result.face_match.warnings[0].risk).toBe("NO_FACE_DETECTED");
    expect(noFace.body.images[0].overlay.faces).toEqual([]);
    const notMultipart = await fetch(`${server.url}/api/console/playground/face-match`, { method: "POST", headers: { cookie: cookies.viewer, "content-type": "application/json" }, body: "{}" });
    expect(notMultipart.status).toBe(415);
  });

  it("refuses callers who are not signed in and requests from another site", async () => {
    const out = await playground("face-match", { source_image: faceImage("images/deepface-01/1.jpg") }, { who: null });
    expect(out.status).toBe(401);
    expect(out.body.error.code).toBe("unauthorized");
    const crossSite = await playground("passive-liveness", { user_image: faceImage("images/deepface-01/1.jpg") }, { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
  });
});
