import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, facesDir, warnIfDatasetsMissing } from "../support/datasets";
import { extractBurst, liveBurst, makeFaceCamera } from "../support/face-camera";
import { api, CaptureClient, createDeviceKey, imageBytes, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("account takeover through the hosted capture");

// Two ways into someone's account through re-authentication, on a server as it ships (no proxy
// trusted), over HTTP. Loopback has many addresses: the victim's phone connects from 127.0.0.2, the
// attacker from others, so the server sees real, different client addresses.
const VICTIM_IP = "127.0.0.2";
const PORTRAIT = "images/deepface-01/1.jpg";
const SELFIE = "images/deepface-01/2.jpg";
// the page words reason codes itself: the API sends the code, the same for every failed check
const GENERIC_RETRY = "liveness_failed";

describe.skipIf(!datasetsPresent).each(dbProviders)("account takeover through the hosted capture (%s)", (provider) => {
  let server: TestServer;
  let a: Api;
  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: "takeover-key-0123456789abcdefgh" } });
    a = { url: server.url, key: "takeover-key-0123456789abcdefgh" };
  });
  afterAll(async () => server?.stop());

  async function session(workflow: string, extra: Record<string, unknown> = {}) {
    const body = workflow === "Selfie re-auth" ? { workflow_type: "biometric_authentication", ...extra } : extra;
    const res = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, workflow), ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { session_id: string; url: string };
  }
  const decision = async (id: string) => (await api(a, "GET", `/v3/session/${id}/decision/`)).body;
  // an unfinished session for the same user would be handed out again: clear it between attempts
  const discard = async (id: string) => expect((await api(a, "DELETE", `/v3/session/${id}/delete/`)).status).toBe(204);

  // the victim enrols from their phone (device key, cookie) on their usual network, with a live selfie
  async function enrolledVictim(vendorData: string) {
    const enrol = await session("Selfie re-auth", { vendor_data: vendorData, portrait_image: imageBytes(PORTRAIT).toString("base64") });
    const phone = new CaptureClient(server.url, tokenOf(enrol.url), {}, { localAddress: VICTIM_IP });
    phone.deviceKey = await createDeviceKey();
    const started = await phone.start();
    expect(started.body.step.challenge).toMatchObject({ method: "PASSIVE", frames: 5 });
    const done = await phone.captureLive(started.body.step.challenge.id, SELFIE);
    expect(done.body.state.status).toBe("Approved");
    // and on the same phone and network they are let through without a selfie
    const back = await session("Selfie re-auth", { vendor_data: vendorData });
    const again = new CaptureClient(server.url, tokenOf(back.url), {}, { localAddress: VICTIM_IP });
    Object.assign(again, { cookie: phone.cookie, deviceKey: phone.deviceKey });
    expect((await again.start()).body).toMatchObject({ status: "Approved", step: { type: "skipped" } });
    return phone;
  }

  it("ignores X-Forwarded-For from a client that is not a trusted proxy", async () => {
    const phone = await enrolledVictim("xff-victim");
    // the victim's own phone on another network, claiming the usual address: a selfie is needed
    const s = await session("Selfie re-auth", { vendor_data: "xff-victim" });
    const elsewhere = new CaptureClient(server.url, tokenOf(s.url), { "x-forwarded-for": VICTIM_IP, "x-real-ip": VICTIM_IP }, { localAddress: "127.0.0.3" });
    Object.assign(elsewhere, { cookie: phone.cookie, deviceKey: phone.deviceKey });
    const started = await elsewhere.start();
    expect(started.body).toMatchObject({ status: "In Progress", step: { type: "capture", challenge: { method: "PASSIVE" } } });
    expect((await decision(s.session_id)).step_up).toMatchObject({ action: "capture", reason: "new IP address", signals: { known_device: true, known_ip: false } });
    await discard(s.session_id);
    // and a header naming the internal peer stamp is no help either
    const forged = await session("Selfie re-auth", { vendor_data: "xff-victim" });
    const stamped = new CaptureClient(server.url, tokenOf(forged.url), { "x-faceid-peer": `anything ${VICTIM_IP}` }, { localAddress: "127.0.0.3" });
    Object.assign(stamped, { cookie: phone.cookie, deviceKey: phone.deviceKey });
    expect((await stamped.start()).body.step.type).toBe("capture");
  });

  it("does not take a copied device cookie for the device: the page's key must sign the nonce", async () => {
    const phone = await enrolledVictim("cookie-victim");
    const attempts = [
      { name: "cookie only", key: null, expected: "absent" },
      { name: "cookie and another browser's key", key: await createDeviceKey(), expected: "mismatch" },
      { name: "cookie and the victim's public key with a made-up signature", key: { pair: (await createDeviceKey()).pair, publicKey: phone.deviceKey!.publicKey }, expected: "invalid" },
    ];
    for (const attempt of attempts) {
      // even from the victim's own network (same Wi-Fi or carrier NAT)
      const s = await session("Selfie re-auth", { vendor_data: "cookie-victim" });
      const attacker = new CaptureClient(server.url, tokenOf(s.url), {}, { localAddress: VICTIM_IP });
      Object.assign(attacker, { cookie: phone.cookie, deviceKey: attempt.key });
      const started = await attacker.start();
      expect(started.body.step, attempt.name).toMatchObject({ type: "capture", challenge: { method: "PASSIVE" } });
      expect((await decision(s.session_id)).step_up, attempt.name).toMatchObject({ action: "capture", signals: { known_device: false, known_ip: true, device_key: attempt.expected } });
      await discard(s.session_id);
    }
  });

  it("never approves a photo sent instead of a camera burst, and tells the page only a generic reason", async () => {
    const s = await session("Liveness only", { vendor_data: "photo-victim" });
    const attacker = new CaptureClient(server.url, tokenOf(s.url), {}, { localAddress: "127.0.0.4" });
    let state = (await attacker.start()).body;
    const challengeId = () => state.step.challenge.id as string;
    const photo = imageBytes(SELFIE);

    // one web photo, no camera at all
    const single = await attacker.answer(challengeId(), [photo]);
    expect(single.status).toBe(400);
    expect(single.body.error.field).toBe("frames");
    expect((await attacker.state()).body.status).toBe("In Progress");

    // attempt 1: a camera-injection tool playing one photo (frames of a still fake-camera video), with a
    // fresh nonce and camera-paced timing
    const still = extractBurst(await makeFaceCamera(path.join(facesDir, SELFIE), "takeover-selfie", { still: true }), "takeover-selfie-still");
    const first = await attacker.captureBurst(challengeId(), still);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: "retry", reason: GENERIC_RETRY, state: { status: "In Progress", lastAttempt: { ok: false, reason: GENERIC_RETRY }, step: { attempt: 2 } } });
    // nothing the page sees names the check that caught it
    expect(JSON.stringify(first.body)).not.toMatch(/BURST_|LIVENESS_FACE_ATTACK|risk/i);
    state = first.body.state;

    // attempt 2: the photo re-encoded five times (every frame different bytes), sent by a script
    const reencoded = await Promise.all([92, 88, 84, 80, 76].map((quality) => sharp(photo).jpeg({ quality }).toBuffer()));
    const nonce = (await attacker.requestBurst(challengeId())).body.nonce;
    await new Promise((r) => setTimeout(r, 900));
    const second = await attacker.answerBurst(challengeId(), { frames: reencoded, nonce, times: [0, 200, 400, 600, 800] });
    expect(second.body).toMatchObject({ outcome: "retry", reason: GENERIC_RETRY, state: { step: { attempt: 3 } } });
    expect(JSON.stringify(second.body)).not.toMatch(/BURST_|LIVENESS_FACE_ATTACK|risk/i);
    state = second.body.state;

    // the reviewer sees why, attempt by attempt
    const reviewed = await decision(s.session_id);
    const described = (check: { warnings: { risk: string; long_description: string }[] }) => check.warnings.filter((w) => w.risk === "LIVENESS_FACE_ATTACK").map((w) => w.long_description).join(" ");
    expect(reviewed.liveness_checks).toHaveLength(2);
    expect(reviewed.liveness_checks.map((c: { status: string }) => c.status)).toEqual(["Declined", "Declined"]);
    expect(described(reviewed.liveness_checks[0])).toMatch(/BURST_IDENTICAL_FRAMES/);
    expect(described(reviewed.liveness_checks[0])).toMatch(/BURST_NO_SENSOR_NOISE/);
    expect(described(reviewed.liveness_checks[1])).toMatch(/BURST_TIMING_TOO_REGULAR/);

    // attempt 3: the live camera of the same person passes
    const live = await attacker.captureLive(challengeId(), SELFIE);
    expect(live.body).toMatchObject({ outcome: "decided", state: { status: "Approved" } });
    const approved = (await decision(s.session_id)).liveness;
    expect(approved).toMatchObject({ status: "Approved", method: "PASSIVE" });
    expect(approved.warnings.map((w: { risk: string }) => w.risk)).not.toContain("LIVENESS_FACE_ATTACK");
  });

  it("binds the burst nonce to the session's current challenge and uses it once", async () => {
    const s = await session("Liveness only", { vendor_data: "nonce-check" });
    const other = await session("Liveness only", { vendor_data: "nonce-other" });
    const client = new CaptureClient(server.url, tokenOf(s.url));
    const otherClient = new CaptureClient(server.url, tokenOf(other.url));
    const challengeId = (await client.start()).body.step.challenge.id;
    const otherChallenge = (await otherClient.start()).body.step.challenge.id;
    // a nonce for another session's challenge, or for a challenge that is not this session's, is refused
    expect((await client.requestBurst(otherChallenge)).status).toBe(409);
    const foreign = (await otherClient.requestBurst(otherChallenge)).body.nonce;
    const frames = await liveBurst(path.join(facesDir, SELFIE));
    // a live burst carrying another session's nonce fails as a burst
    await client.requestBurst(challengeId);
    await new Promise((r) => setTimeout(r, 1000));
    const wrong = await client.answerBurst(challengeId, { frames, nonce: foreign, times: [3.1, 205.6, 409.8, 611.2, 818.9] });
    expect(wrong.body).toMatchObject({ outcome: "retry", reason: GENERIC_RETRY });
    expect(JSON.stringify((await decision(s.session_id)).liveness.warnings)).toMatch(/BURST_NONCE_INVALID/);
    // once answered, the challenge and its nonce are gone
    expect((await client.answerBurst(challengeId, { frames, nonce: foreign, times: [3.1, 205.6, 409.8, 611.2, 818.9] })).status).toBe(409);
  });
});
