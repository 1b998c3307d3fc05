import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { createPostgresDatabase, dbProviders, startTestServer, type TestServer } from "../support/test-server";

// A recogniser change (dlib -> face-reid-0095) must not break what was enrolled before it: templates
// whose image is kept are re-embedded by the new model at start-up (1:N search and re-authentication
// use them), and a template with no image left (a portrait sent with a session) is compared through
// the model that made it.
warnIfDatasetsMissing("recogniser change");
const KEY = "recogniser-change-key-0123456789";
const admin = { email: "admin@example.test", password: "admin-password-1" };
const env = { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password };

describe.skipIf(!datasetsPresent).each(dbProviders)("templates across a recogniser change (%s)", (provider) => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "faceid-recogniser-change-"));
  let pg: Awaited<ReturnType<typeof createPostgresDatabase>> | null = null;
  let server: TestServer | undefined;
  let a: Api;
  const pending: Record<string, string> = {};

  beforeAll(async () => {
    pg = provider === "postgresql" ? await createPostgresDatabase() : null;
    const databaseUrl = pg?.url ?? `file:${path.join(dataDir, "faceid.db")}`;
    // before: the dlib recogniser enrols alice (selfie kept), blocklists a face and takes two portraits
    const before = await startTestServer({ dataDir, databaseUrl, env: { ...env, FACE_RECOGNISER: "dlib-resnet" } });
    a = { url: before.url, key: KEY };
    const reauth = await workflowIdByLabel(a, "Selfie re-auth");
    const enrol = await api(a, "POST", "/v3/session/", { workflow_id: reauth, workflow_type: "biometric_authentication", vendor_data: "alice", portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
    const phone = new CaptureClient(before.url, tokenOf(enrol.body.url));
    const started = await phone.start();
    expect((await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg")).body.state.status).toBe("Approved");

    const cookie = (await loginConsole(before.url, admin.email, admin.password))!;
    const lists = (await (await fetch(`${before.url}/api/console/lists`, { headers: { cookie } })).json()) as { data: { id: string; kind: string }[] };
    const form = new FormData();
    form.append("image", faceImage("images/deepface-03/1.jpg"), "face.jpg");
    form.append("label", "fraudster");
    expect((await fetch(`${before.url}/api/console/lists/${lists.data.find((l) => l.kind === "blocklist")!.id}/entries`, { method: "POST", headers: { cookie }, body: form })).status).toBe(201);

    // sessions whose reference is a portrait (kept only as a dlib template: the application keeps no
    // reference images), answered after the change
    expect((await fetch(`${before.url}/api/console/application`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ keepReferenceImages: "never" }) })).status).toBe(200);
    for (const [who, portrait] of [["bob", "images/deepface-04/1.jpg"], ["eve-target", "images/deepface-05/1.jpg"]]) {
      const s = await api(a, "POST", "/v3/session/", { workflow_id: reauth, workflow_type: "biometric_authentication", vendor_data: who, portrait_image: imageBytes(portrait).toString("base64") });
      expect(s.status).toBe(201);
      pending[who] = s.body.url;
    }
    await before.stop({ keepData: true });

    server = await startTestServer({ dataDir, databaseUrl, env });
    a = { url: server.url, key: KEY };
  }, 240_000);

  afterAll(async () => {
    await server?.stop({ keepData: true });
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("re-embeds the kept faces: 1:N search finds the blocklisted face and alice's enrolment with the new model", async () => {
    // re-embedding runs in the background after the models load
    let search: { status: number; body: { face_search: { matches: { source: string; similarity_percentage: number }[]; warnings: { risk: string }[] } } } | undefined;
    for (let i = 0; i < 60; i++) {
      const form = new FormData();
      form.append("user_image", faceImage("images/deepface-03/2.jpg"), "face.jpg");
      const res = await fetch(`${server!.url}/v3/face-search/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
      search = { status: res.status, body: await res.json() };
      if (search.body.face_search?.matches?.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(search!.body.face_search.warnings.map((w) => w.risk)).toContain("FACE_IN_BLOCKLIST");
    expect(search!.body.face_search.matches[0].similarity_percentage).toBeGreaterThanOrEqual(70);

    // templates are re-embedded one after another: alice's may come after the blocklisted face
    let found: (string | undefined)[] = [];
    for (let i = 0; i < 60 && !found.includes("alice"); i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 500));
      const form = new FormData();
      form.append("user_image", faceImage("images/deepface-01/3.jpg"), "face.jpg");
      const alice = await (await fetch(`${server!.url}/v3/face-search/`, { method: "POST", headers: { "x-api-key": KEY }, body: form })).json();
      found = alice.face_search.matches.map((m: { vendor_data?: string }) => m.vendor_data);
    }
    expect(found).toContain("alice");
  });

  it("re-authenticates alice against her re-embedded enrolment and never approves someone else", async () => {
    const reauth = await workflowIdByLabel(a, "Selfie re-auth");
    for (const [selfie, expected] of [["images/deepface-01/3.jpg", ["Approved"]], ["images/deepface-02/1.jpg", ["Declined", "In Review"]]] as const) {
      const s = await api(a, "POST", "/v3/session/", { workflow_id: reauth, workflow_type: "biometric_authentication", vendor_data: "alice" });
      expect(s.status).toBe(201);
      const client = new CaptureClient(server!.url, tokenOf(s.body.url));
      const started = await client.start();
      const done = await client.captureLive(started.body.step.challenge.id, selfie);
      expect(expected).toContain(done.body.state.status);
      const decision = (await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body;
      expect(decision.face_match ?? decision.face).toBeTruthy();
    }
  });

  it("compares a selfie with a portrait template of the earlier model through that model", async () => {
    const bob = new CaptureClient(server!.url, tokenOf(pending.bob));
    const bobStart = await bob.start();
    expect((await bob.captureLive(bobStart.body.step.challenge.id, "images/deepface-04/3.jpg")).body.state.status).toBe("Approved");
    const eve = new CaptureClient(server!.url, tokenOf(pending["eve-target"]));
    const eveStart = await eve.start();
    expect(["Declined", "In Review"]).toContain((await eve.captureLive(eveStart.body.step.challenge.id, "images/deepface-04/2.jpg")).body.state.status);
  });
});
