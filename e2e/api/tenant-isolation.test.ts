import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { createTenant, openTestDb } from "../support/tenants";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("tenant isolation");

const admin = { email: "iso-admin@example.test", password: "admin-password-1" };
const image = (relative: string) => new Blob([new Uint8Array(imageBytes(relative))], { type: "image/jpeg" });
const risks = (warnings: { risk: string }[]) => warnings.map((w) => w.risk);

// Two applications on one server, each with its own API key. Application A enrols a face (an approved
// session), blocklists the same person and keeps images behind signed links; application B, with its
// own key, must see none of it: foreign ids answer 404 (never 403 or 409, which would confirm they
// exist), lists and searches never include A's rows, and A's faces never match B's checks.
describe.skipIf(!datasetsPresent).each(dbProviders)("tenant isolation (%s)", (provider) => {
  let server: TestServer;
  let db: Db;
  let a: Api;
  let b: Api;
  let bId: string;
  let cookie: string;
  const fromA = { sessionId: "", workflowId: "", pendingSessionId: "", mediaUrl: "", blocklistId: "", destinationId: "", deliveryId: "" };

  const multipart = async (who: Api, path: string, fields: Record<string, Blob | string>) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v === "string") form.append(k, v);
      else form.append(k, v, "upload.jpg");
    }
    const res = await fetch(`${who.url}${path}`, { method: "POST", headers: { "x-api-key": who.key }, body: form });
    return { status: res.status, body: await res.json() };
  };
  const consoleCall = (path: string, init: { method?: string; app?: string; json?: unknown; body?: FormData } = {}) =>
    fetch(`${server.url}${path}`, {
      method: init.method ?? "GET",
      headers: { cookie: `${cookie}${init.app ? `; faceid_app=${init.app}` : ""}`, ...(init.json !== undefined ? { "content-type": "application/json" } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  const expectNotFound = (res: { status: number; body: { error?: { code: string } } }) => {
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe("not_found");
  };

  beforeAll(async () => {
    const keyA = `iso-a-${provider}-0123456789abcdef`;
    server = await startTestServer({ provider, env: { SEED_API_KEY: keyA, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
    a = { url: server.url, key: keyA };
    db = openTestDb(provider, server.databaseUrl);
    const tenantB = await createTenant(db, "Tenant B");
    b = { url: server.url, key: tenantB.key };
    bId = tenantB.id;
    cookie = (await loginConsole(server.url, admin.email, admin.password))!;

    // A: an approved session (its selfie becomes an enrolled face), and a session left unstarted
    fromA.workflowId = await workflowIdByLabel(a, "Liveness only");
    const created = await api(a, "POST", "/v3/session/", { workflow_id: fromA.workflowId, vendor_data: "alice" });
    fromA.sessionId = created.body.session_id;
    const capture = new CaptureClient(server.url, tokenOf(created.body.url));
    const started = await capture.start();
    const done = await capture.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
    expect(done.body.state.status).toBe("Approved");
    const decision = await api(a, "GET", `/v3/session/${fromA.sessionId}/decision/`);
    fromA.mediaUrl = decision.body.liveness.reference_image;
    expect(fromA.mediaUrl).toMatch(/\/media\//);
    fromA.pendingSessionId = (await api(a, "POST", "/v3/session/", { workflow_id: fromA.workflowId, vendor_data: "alice-pending" })).body.session_id;

    // A: the same person on A's built-in blocklist (the console looks at the oldest application, A)
    const lists = (await (await consoleCall("/api/console/lists")).json()) as { data: { id: string; kind: string }[] };
    fromA.blocklistId = lists.data.find((l) => l.kind === "blocklist")!.id;
    const form = new FormData();
    form.append("image", image("images/deepface-01/1.jpg"), "face.jpg");
    expect((await consoleCall(`/api/console/lists/${fromA.blocklistId}/entries`, { method: "POST", body: form })).status).toBe(201);

    // A: a webhook destination with one (failing) delivery
    const dest = await api(a, "POST", "/v3/webhook/destinations/", { label: "a-hook", url: "http://127.0.0.1:9/hook" });
    fromA.destinationId = dest.body.id;
    await api(a, "POST", `/v3/webhook/destinations/${fromA.destinationId}/test/`);
    const deadline = Date.now() + 10_000;
    while (!fromA.deliveryId && Date.now() < deadline) {
      const deliveries = await api(a, "GET", `/v3/webhook/destinations/${fromA.destinationId}/deliveries/`);
      fromA.deliveryId = deliveries.body.data?.[0]?.id ?? "";
      if (!fromA.deliveryId) await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("B cannot read, decide, change, review or delete A's sessions, nor start one on A's workflow", async () => {
    expectNotFound(await api(b, "GET", `/v3/session/${fromA.sessionId}/decision/`));
    // 404 rather than 409 for the decided session: B must not learn that it exists
    expectNotFound(await api(b, "PATCH", `/v3/session/${fromA.sessionId}/update-status/`, { new_status: "Declined", comment: "b" }));
    expectNotFound(await api(b, "PATCH", `/v3/session/${fromA.pendingSessionId}/update-status/`, { new_status: "Approved" }));
    expectNotFound(await api(b, "GET", `/v3/sessions/${fromA.sessionId}/reviews/`));
    expectNotFound(await api(b, "POST", `/v3/sessions/${fromA.sessionId}/reviews/`, { comment: "from b", new_status: "Declined" }));
    expectNotFound(await api(b, "DELETE", `/v3/session/${fromA.sessionId}/delete/`));
    const onAsWorkflow = await api(b, "POST", "/v3/session/", { workflow_id: fromA.workflowId, vendor_data: "mallory" });
    expect(onAsWorkflow.status).toBe(404);

    // A's sessions are untouched
    const decision = await api(a, "GET", `/v3/session/${fromA.sessionId}/decision/`);
    expect(decision.body).toMatchObject({ status: "Approved", reviews: [] });
    expect((await api(a, "GET", `/v3/session/${fromA.pendingSessionId}/decision/`)).body.status).toBe("Not Started");
  });

  it("B's session list never includes A's sessions, whatever the filter", async () => {
    const ownB = await api(b, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(b, "Liveness only"), vendor_data: "alice" });
    expect(ownB.status).toBe(201);
    for (const query of ["", "?vendor_data=alice", `?workflow_id=${fromA.workflowId}`, "?status=Approved", "?limit=100"]) {
      const list = await api(b, "GET", `/v3/sessions/${query}`);
      expect(list.status).toBe(200);
      const ids = JSON.stringify(list.body);
      expect(ids).not.toContain(fromA.sessionId);
      expect(ids).not.toContain(fromA.pendingSessionId);
    }
    const listA = JSON.stringify((await api(a, "GET", "/v3/sessions/?limit=100")).body);
    expect(listA).toContain(fromA.sessionId);
    expect(listA).not.toContain(ownB.body.session_id);
  });

  it("signed media links: B cannot obtain A's, and a tampered or re-targeted link is refused", async () => {
    // the link itself is a bearer capability for 60 minutes (API.md); it works for whoever holds it
    expect((await fetch(fromA.mediaUrl)).status).toBe(200);
    const url = new URL(fromA.mediaUrl);
    const aMediaId = url.pathname.split("/").pop()!;
    const tampered = (change: (u: URL) => void) => {
      const u = new URL(fromA.mediaUrl);
      change(u);
      return fetch(u);
    };
    expect((await tampered((u) => u.searchParams.set("expires", String(Number(u.searchParams.get("expires")) + 3600)))).status).toBe(403);
    expect((await tampered((u) => u.searchParams.set("signature", `${u.searchParams.get("signature")!.slice(0, -2)}AA`))).status).toBe(403);
    expect((await tampered((u) => u.searchParams.delete("signature"))).status).toBe(403);

    // B's own saved images: B's valid signature does not open A's media id, nor A's signature B's
    const kept = await multipart(b, "/v3/face-match/", { source_image: image("images/deepface-02/1.jpg"), target_image: image("images/deepface-02/2.jpg"), save_api_request: "true" });
    expect(kept.status).toBe(200);
    const bUrl = new URL(kept.body.face_match.source_image);
    expect((await fetch(bUrl)).status).toBe(200);
    const bMediaId = bUrl.pathname.split("/").pop()!;
    const crossB = new URL(bUrl);
    crossB.pathname = crossB.pathname.replace(bMediaId, aMediaId);
    const forbidden = await fetch(crossB);
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    const crossA = new URL(fromA.mediaUrl);
    crossA.pathname = crossA.pathname.replace(aMediaId, bMediaId);
    expect((await fetch(crossA)).status).toBe(403);
  });

  it("face lists: A's blocklist never declines B's checks, and B cannot add to or delete A's lists", async () => {
    const aCheck = await multipart(a, "/v3/passive-liveness/", { user_image: image("images/deepface-01/3.jpg") });
    expect(risks(aCheck.body.liveness.warnings)).toContain("FACE_IN_BLOCKLIST");
    const bCheck = await multipart(b, "/v3/passive-liveness/", { user_image: image("images/deepface-01/3.jpg") });
    expect(bCheck.status).toBe(200);
    expect(risks(bCheck.body.liveness.warnings)).not.toContain("FACE_IN_BLOCKLIST");

    // the console looking at B: B's lists only; A's list and A's session are not found
    const listsB = (await (await consoleCall("/api/console/lists", { app: bId })).json()) as { data: { id: string; kind: string }[] };
    expect(listsB.data.map((l) => l.id)).not.toContain(fromA.blocklistId);
    const bBlocklist = listsB.data.find((l) => l.kind === "blocklist")!.id;
    // 404, where A itself would get 409 (its built-in blocklist cannot be deleted)
    expect((await consoleCall(`/api/console/lists/${fromA.blocklistId}`, { method: "DELETE", app: bId })).status).toBe(404);
    const form = new FormData();
    form.append("image", image("images/deepface-02/1.jpg"), "face.jpg");
    expect((await consoleCall(`/api/console/lists/${fromA.blocklistId}/entries`, { method: "POST", app: bId, body: form })).status).toBe(404);
    // B cannot pull A's selfie into its own blocklist by session id
    expect((await consoleCall(`/api/console/lists/${bBlocklist}/entries`, { method: "POST", app: bId, json: { sessionId: fromA.sessionId } })).status).toBe(404);
  });

  it("1:N search and duplicate detection: B never finds A's faces", async () => {
    const aSearch = await multipart(a, "/v3/face-search/", { user_image: image("images/deepface-01/3.jpg") });
    expect(aSearch.body.face_search.total_matches).toBeGreaterThanOrEqual(2);
    const bSearch = await multipart(b, "/v3/face-search/", { user_image: image("images/deepface-01/3.jpg") });
    expect(bSearch.status).toBe(200);
    expect(bSearch.body.face_search).toMatchObject({ total_matches: 0, matches: [] });
    expect(JSON.stringify(bSearch.body)).not.toContain(fromA.sessionId);

    // someone else enrolling the same face is a duplicate in A, but not in B
    const aDuplicate = await multipart(a, "/v3/passive-liveness/", { user_image: image("images/deepface-01/2.jpg"), vendor_data: "carol" });
    expect(risks(aDuplicate.body.liveness.warnings)).toContain("DUPLICATED_FACE");
    const bFresh = await multipart(b, "/v3/passive-liveness/", { user_image: image("images/deepface-01/2.jpg"), vendor_data: "carol" });
    expect(risks(bFresh.body.liveness.warnings)).not.toContain("DUPLICATED_FACE");
    expect(bFresh.body.liveness.status).toBe("Approved");
  });

  it("B cannot see or redeliver A's webhook deliveries", async () => {
    expect(fromA.deliveryId).not.toBe("");
    expectNotFound(await api(b, "GET", `/v3/webhook/destinations/${fromA.destinationId}/deliveries/`));
    expectNotFound(await api(b, "POST", `/v3/webhook/deliveries/${fromA.deliveryId}/redeliver/`));
    expect((await api(a, "GET", `/v3/webhook/destinations/${fromA.destinationId}/deliveries/`)).status).toBe(200);
  });
});
