import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, createDeviceKey, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("sessions and hosted capture API");

// The test client plays a reverse proxy on 127.0.0.1 (TRUSTED_PROXIES), so X-Forwarded-For gives each
// simulated user their address; what a client reaching the server directly can do with that header is
// in capture-takeover.test.ts.
describe.skipIf(!datasetsPresent).each(dbProviders)("sessions and capture (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: "sessions-key-0123456789abcdefgh", TRUSTED_PROXIES: "127.0.0.1" } });
    a = { url: server.url, key: "sessions-key-0123456789abcdefgh" };
  });
  afterAll(async () => server?.stop());

  it("creates a session, captures a live selfie and approves it", async () => {
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    const created = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: "user-1", metadata: { plan: "gold" }, callback: "https://example.com/done" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "Not Started", workflow_id: workflowId, vendor_data: "user-1", metadata: { plan: "gold" }, session_number: expect.any(Number) });
    expect(created.body.url).toBe(created.body.session_url);
    expect(created.body.url).toMatch(new RegExp(`^${server.url}/verify/[A-Za-z0-9_-]{40,}$`));

    const again = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: "user-1" });
    expect(again.status).toBe(200);
    expect(again.body.session_id).toBe(created.body.session_id);

    const capture = new CaptureClient(server.url, tokenOf(created.body.url));
    expect((await capture.state()).body.step).toEqual({ type: "start" });
    const started = await capture.start();
    expect(started.body.status).toBe("In Progress");
    expect(started.body.step).toMatchObject({ type: "capture", attempt: 1, challenge: { method: "PASSIVE", frames: 5 } });
    const answered = await capture.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ outcome: "decided", state: { status: "Approved", step: { type: "done" } } });

    const decision = await api(a, "GET", `/v3/session/${created.body.session_id}/decision/`);
    expect(decision.body).toMatchObject({ status: "Approved", vendor_data: "user-1", session_url: created.body.url, liveness: { status: "Approved", method: "PASSIVE" } });
    expect(decision.body.liveness.score).toBeGreaterThanOrEqual(50);
    expect((await fetch(decision.body.liveness.reference_image)).status).toBe(200);

    const replay = await capture.answer(started.body.step.challenge.id, [imageBytes("images/deepface-01/2.jpg")]);
    expect(replay.status).toBe(409);
  });

  it("re-authenticates the enrolled person, declines someone else, and skips the selfie on a known device and IP", async () => {
    const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
    const missing = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "alice" });
    expect(missing.status).toBe(422);
    expect(missing.body.error.field).toBe("portrait_image");
    const portrait = imageBytes("images/deepface-01/1.jpg").toString("base64");
    const enrol = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "alice", portrait_image: portrait });
    expect(enrol.status).toBe(201);
    const phone = new CaptureClient(server.url, tokenOf(enrol.body.url), { "x-forwarded-for": "203.0.113.10" });
    phone.deviceKey = await createDeviceKey();
    const started = await phone.start();
    expect(started.body.step.challenge.method).toBe("PASSIVE");
    const done = await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
    expect(done.body.state.status).toBe("Approved");
    const decision = (await api(a, "GET", `/v3/session/${enrol.body.session_id}/decision/`)).body;
    expect(decision.face.status).toBe("Approved");
    expect(decision.face.similarity_score).toBeGreaterThan(0.7);
    expect(decision.face.similarity_score).toBeLessThanOrEqual(1);

    // someone else on a new device, against alice's enrolled face: never approved
    const impostor = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "alice" });
    const other = new CaptureClient(server.url, tokenOf(impostor.body.url), { "x-forwarded-for": "203.0.113.99" });
    const otherStart = await other.start();
    const otherDone = await other.captureLive(otherStart.body.step.challenge.id, "images/deepface-02/1.jpg");
    expect(["Declined", "In Review"]).toContain(otherDone.body.state.status);
    const otherDecision = (await api(a, "GET", `/v3/session/${impostor.body.session_id}/decision/`)).body;
    expect(otherDecision.face_match.warnings.map((w: { risk: string }) => w.risk)).toContain("LOW_FACE_MATCH_SIMILARITY");

    // alice again from the same phone (cookie and device key) and IP: no camera needed
    const back = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "alice" });
    const samePhone = new CaptureClient(server.url, tokenOf(back.body.url), { "x-forwarded-for": "203.0.113.10" });
    samePhone.cookie = phone.cookie;
    samePhone.deviceKey = phone.deviceKey;
    const skipped = await samePhone.start();
    expect(skipped.body.status).toBe("Approved");
    expect(skipped.body.step).toEqual({ type: "skipped", reason: "known device and known IP" });
    const skippedDecision = (await api(a, "GET", `/v3/session/${back.body.session_id}/decision/`)).body;
    expect(skippedDecision.step_up).toMatchObject({ action: "skip", signals: { known_device: true, known_ip: true, device_key: "registered" } });
  });

  it("escalates an anonymising network on a new device to ACTIVE_3D and rejects a still image", async () => {
    const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "bob", portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
    const vpn = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": "198.51.100.7" });
    let state = (await vpn.start()).body;
    expect(state.step.challenge.method).toBe("ACTIVE_3D");
    const still = imageBytes("images/deepface-01/2.jpg");
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(state.step.attempt).toBe(attempt);
      const frames = Array.from({ length: state.step.challenge.turns.length + 1 }, () => still);
      const res = await vpn.answer(state.step.challenge.id, frames);
      state = res.body.state;
      if (attempt < 3) {
        expect(res.body).toMatchObject({ outcome: "retry", reason: "head_not_turned" });
        // the page is told what to do, never which risk was found
        expect(state.lastAttempt).toEqual({ ok: false, reason: "head_not_turned" });
      }
    }
    expect(state.status).toBe("Declined");
    const decision = (await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body;
    expect(decision.liveness_checks).toHaveLength(3);
    expect(decision.liveness.warnings.map((w: { risk: string }) => w.risk)).toEqual(expect.arrayContaining(["LIVENESS_FACE_ATTACK", "LIVENESS_MAX_ATTEMPTS_EXCEEDED"]));
  });

  it("refuses a head-turn trace that does not fit its challenge, and keeps the challenge", async () => {
    const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "trace-check", portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
    const vpn = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": "198.51.100.8" });
    const { challenge } = (await vpn.start()).body.step;
    expect(challenge).toMatchObject({ method: "ACTIVE_3D", turns: expect.any(Array), holdsMs: expect.any(Array) });
    const face = imageBytes("images/deepface-01/2.jpg");
    const frames = Array.from({ length: challenge.turns.length + 1 }, () => face);
    const turnTimes = JSON.stringify(challenge.turns.map(() => 700));
    const bad = [
      { trace: [face], traceTimes: "[[0, 100]]", turnTimes: "[700]", message: /turn_times must be a JSON array of 3 numbers/ },
      { trace: [face], traceTimes: "not json", turnTimes, message: /trace_times must be a JSON array of 1 \[turn, ms\] pairs/ },
      { trace: [face, face], traceTimes: "[[0, 100]]", turnTimes, message: /trace_times must be a JSON array of 2/ },
      { trace: [face], traceTimes: "[[3, 100]]", turnTimes, message: /trace_times must be a JSON array/ },
      { trace: [face, face], traceTimes: "[[1, 100], [0, 100]]", turnTimes, message: /in capture order/ },
      { trace: Array.from({ length: 97 }, () => face.subarray(0, 10)), traceTimes: "[]", turnTimes, message: /At most 96 trace frames/ },
    ];
    for (const input of bad) {
      const res = await vpn.answerTurns(challenge.id, { frames, ...input });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ error: { code: "validation_error", field: "trace_times", message: expect.stringMatching(input.message) } });
    }
    // nothing was consumed: the same challenge still waits for its answer
    const state = (await vpn.state()).body;
    expect(state.step).toMatchObject({ type: "capture", attempt: 1, challenge: { id: challenge.id } });
    // a trace that fits, on a still picture: the head never turned
    const still = await vpn.answerTurns(challenge.id, { frames, trace: [face, face], traceTimes: "[[0, -100], [0, 300]]", turnTimes });
    expect(still.body).toMatchObject({ outcome: "retry", reason: "head_not_turned" });
  });

  it("escalates a Tor exit behind the proxy even when the client prepends a normal address", async () => {
    const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "dave", portrait_image: imageBytes("images/deepface-01/1.jpg").toString("base64") });
    // the client wrote 203.0.113.10 itself; the proxy appended the Tor exit it saw
    const tor = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": "203.0.113.10, 185.220.101.17" });
    expect((await tor.start()).body.step.challenge.method).toBe("ACTIVE_3D");
    const decision = (await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).body;
    expect(decision.step_up).toMatchObject({ action: "capture", method: "ACTIVE_3D", signals: { anonymous_network: true } });
  });

  it("lists, reviews, updates and deletes sessions", async () => {
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: "carol" });
    const list = await api(a, "GET", "/v3/sessions/?vendor_data=carol&limit=5");
    expect(list.body).toMatchObject({ count: 1, limit: 5, offset: 0, results: [{ session_id: s.body.session_id, status: "Not Started" }] });
    expect((await api(a, "GET", "/v3/sessions/?limit=1000")).status).toBe(400);

    const comment = await api(a, "POST", `/v3/sessions/${s.body.session_id}/reviews/`, { comment: "called the user" });
    expect(comment.status).toBe(201);
    const decided = await api(a, "PATCH", `/v3/session/${s.body.session_id}/update-status/`, { new_status: "Declined", comment: "document mismatch" });
    expect(decided.body.status).toBe("Declined");
    expect(decided.body.reviews.map((r: { action: string }) => r.action)).toEqual(["comment", "decline"]);
    expect((await api(a, "PATCH", `/v3/session/${s.body.session_id}/update-status/`, { new_status: "Maybe" })).status).toBe(400);

    expect((await api(a, "DELETE", `/v3/session/${s.body.session_id}/delete/`)).status).toBe(204);
    expect((await api(a, "GET", `/v3/session/${s.body.session_id}/decision/`)).status).toBe(404);
    expect((await api(a, "DELETE", `/v3/session/${s.body.session_id}/delete/`)).status).toBe(404);
  });

  it("refuses bad session input with clear errors", async () => {
    const workflowId = await workflowIdByLabel(a, "Liveness only");
    expect((await api(a, "POST", "/v3/session/", {})).body.error.field).toBe("workflow_id");
    expect((await api(a, "POST", "/v3/session/", { workflow_id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await api(a, "POST", "/v3/session/", { workflow_id: workflowId, callback: "javascript:alert(1)" })).body.error.field).toBe("callback");
    expect((await api(a, "POST", "/v3/session/", { workflow_id: workflowId, portrait_image: "not base64!!" })).body.error.field).toBe("portrait_image");
    const blank = imageBytes("no-face/blank-white.jpg").toString("base64");
    const noFace = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, portrait_image: blank });
    expect(noFace.status).toBe(422);
    expect((await fetch(`${server.url}/api/capture/not-a-real-token-but-long-enough`)).status).toBe(404);
  });
});
