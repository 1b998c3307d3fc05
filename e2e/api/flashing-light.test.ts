import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "@/lib/capture/i18n-en";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { openTestDb } from "../support/tenants";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

// A person whom flashing light can harm is warned before a FLASHING check and may take the head-turn
// check (ACTIVE_3D) instead: chosen on the start screen or on the camera screen before the colours
// start, kept for retries, recorded for reviewers, never a way to a weaker check. Real server, both
// databases.
describe.each(dbProviders)("flashing-light alternative (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  let flashingWorkflow: string;
  const KEY = "flashing-key-0123456789abcdefghij";
  const face = imageBytes("images/deepface-01/2.jpg");

  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY } });
    a = { url: server.url, key: KEY };
    const created = await api(a, "POST", "/v3/workflows/", { workflow_label: "Flashing, two attempts", features: [{ feature: "LIVENESS", config: { face_liveness_method: "FLASHING", max_attempts: 2 } }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    flashingWorkflow = created.body.workflow_id;
  });
  afterAll(async () => server?.stop());

  async function newCapture(workflowId: string) {
    const res = await api(a, "POST", "/v3/session/", { workflow_id: workflowId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.session_id as string, capture: new CaptureClient(server.url, tokenOf(res.body.url)) };
  }
  async function stored(sessionId: string) {
    const db = openTestDb(provider, server.databaseUrl);
    try {
      const session = await db.verificationSession.findUniqueOrThrow({ where: { id: sessionId }, select: { stepUp: true } });
      const audits = await db.auditLog.findMany({ where: { targetId: sessionId, action: "capture.flashing_avoided" } });
      return { stepUp: session.stepUp as { avoid_flashing?: boolean } | null, audits };
    } finally {
      await db.$disconnect();
    }
  }

  it("warns before a FLASHING check; the start screen's choice starts the head-turn check instead, for every attempt", async () => {
    const { id, capture } = await newCapture(flashingWorkflow);
    expect((await capture.state()).body.flashingLight).toBe(true);
    // rendered with the page (the catalogue that goes with it holds the words either way)
    const html = await (await fetch(`${server.url}/verify/${capture.token}`)).text();
    expect(html).toContain(`>${en.flashing.warningTitle}</p>`);

    const started = await capture.start({ avoid_flashing: true });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.flashingLight).toBe(false);
    const challenge = started.body.step.challenge;
    expect(challenge.method).toBe("ACTIVE_3D");
    expect(started.body.step).toMatchObject({ attempt: 1, maxAttempts: 2 });

    // a failed attempt (a still photo for every pose): the retry is a head-turn check again
    const answered = await capture.answer(challenge.id, Array.from({ length: challenge.turns.length + 1 }, () => face));
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.outcome).toBe("retry");
    expect(answered.body.state.step).toMatchObject({ type: "capture", attempt: 2, challenge: { method: "ACTIVE_3D" } });

    const { stepUp, audits } = await stored(id);
    expect(stepUp?.avoid_flashing).toBe(true);
    expect(audits.map((x) => x.details)).toEqual([{ method: "ACTIVE_3D", replacedChallenge: false }]);
    const decision = await api(a, "GET", `/v3/session/${id}/decision/`);
    expect(decision.body.step_up).toMatchObject({ avoid_flashing: true });
  });

  it("replaces a FLASHING challenge not yet answered, once; the replaced one is no longer accepted", async () => {
    const { id, capture } = await newCapture(flashingWorkflow);
    const started = await capture.start();
    const flashing = started.body.step.challenge;
    expect(flashing.method).toBe("FLASHING");
    expect(started.body.flashingLight).toBe(true);

    const swapped = await capture.start({ avoid_flashing: true });
    expect(swapped.status).toBe(200);
    expect(swapped.body.step).toMatchObject({ type: "capture", attempt: 1, challenge: { method: "ACTIVE_3D" } });
    expect(swapped.body.flashingLight).toBe(false);
    const again = await capture.start({ avoid_flashing: true });
    expect(again.body.step.challenge.id).toBe(swapped.body.step.challenge.id);

    const late = await capture.answer(flashing.id, Array.from({ length: flashing.colors.length }, () => face));
    expect(late.status).toBe(409);
    expect((await stored(id)).audits.map((x) => x.details)).toEqual([{ method: "ACTIVE_3D", replacedChallenge: true }]);
  });

  it("changes nothing where nothing flashes, and refuses a malformed choice", async () => {
    const { id, capture } = await newCapture(await workflowIdByLabel(a, "Liveness only"));
    expect((await capture.state()).body.flashingLight).toBe(false);
    expect(await (await fetch(`${server.url}/verify/${capture.token}`)).text()).not.toContain(`>${en.flashing.warningTitle}</p>`);
    const bad = await capture.start({ avoid_flashing: "yes" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: "validation_error", field: "avoid_flashing" });
    expect((await capture.state()).body.status).toBe("Not Started");

    const started = await capture.start({ avoid_flashing: true });
    expect(started.body.step.challenge.method).toBe("PASSIVE");
    const { stepUp, audits } = await stored(id);
    expect(stepUp?.avoid_flashing).toBeUndefined();
    expect(audits).toEqual([]);
  });
});
