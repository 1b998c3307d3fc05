import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, padImage, warnIfDatasetsMissing } from "../support/datasets";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("passive-liveness and face-search API");
const KEY = "liveness-key-0123456789abcdefgh";
const admin = { email: "admin@example.test", password: "admin-password-1" };

describe.skipIf(!datasetsPresent).each(dbProviders)("passive liveness and 1:N face search (%s)", (provider) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
  });
  afterAll(async () => server?.stop());

  async function post(path: string, fields: Record<string, Blob | string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v === "string") form.append(k, v);
      else form.append(k, v, "upload.jpg");
    }
    const res = await fetch(`${server.url}${path}`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
    return { status: res.status, body: await res.json() };
  }

  it("passes a live capture, declines a print and a screen replay, and a grayscale chip as unusable", async () => {
    const live = await post("/v3/passive-liveness/", { user_image: padImage("bona-fide/silentface-old-T1.jpg"), vendor_data: "u1" });
    expect(live.status).toBe(200);
    expect(live.body.liveness).toMatchObject({ status: "Approved", method: "PASSIVE", reference_image: null, warnings: [] });
    expect(live.body.liveness.score).toBeGreaterThanOrEqual(50);
    expect(live.body.liveness.face_quality).toBeGreaterThan(0);
    expect(live.body.liveness.face_luminance).toBeGreaterThan(0);
    const replay = await post("/v3/passive-liveness/", { user_image: padImage("attack/silentface-F2.jpg") });
    expect(replay.body.liveness.status).toBe("Declined");
    expect(replay.body.liveness.warnings.map((w: { risk: string }) => w.risk)).toContain("LIVENESS_FACE_ATTACK");
    const print = await post("/v3/passive-liveness/", { user_image: padImage("attack/silentface-F1.jpg") });
    expect(print.body.liveness.status).toBe("Declined");
    // a 150 px grayscale chip cannot show liveness: declined as a quality problem, not as an attack
    const chip = await post("/v3/passive-liveness/", { user_image: faceImage("images/bbt-sheldon/1.jpg") });
    expect(chip.body.liveness.status).toBe("Declined");
    const chipRisks = chip.body.liveness.warnings.map((w: { risk: string }) => w.risk);
    expect(chipRisks).toContain("LOW_FACE_QUALITY");
    expect(chipRisks).not.toContain("LIVENESS_FACE_ATTACK");
  });

  it("scores an upside-down selfie with rotate_image as it scores the upright one", async () => {
    const upright = padImage("bona-fide/silentface-old-T1.jpg");
    const turned = new Blob([await sharp(Buffer.from(await upright.arrayBuffer())).rotate(180).jpeg({ quality: 95 }).toBuffer()], { type: "image/jpeg" });
    const straight = await post("/v3/passive-liveness/", { user_image: upright });
    const rotated = await post("/v3/passive-liveness/", { user_image: turned, rotate_image: "true" });
    expect(rotated.status).toBe(200);
    expect(rotated.body.liveness.status).toBe(straight.body.liveness.status);
    expect(Math.abs(rotated.body.liveness.score - straight.body.liveness.score)).toBeLessThanOrEqual(5);
  });

  it("reports NO_FACE_DETECTED and requires user_image", async () => {
    const none = await post("/v3/passive-liveness/", { user_image: faceImage("no-face/blank-white.jpg") });
    expect(none.body.liveness).toMatchObject({ status: "Declined", score: null });
    expect(none.body.liveness.warnings[0].risk).toBe("NO_FACE_DETECTED");
    const missing = await post("/v3/passive-liveness/", {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("user_image");
  });

  it("finds nothing in an empty index, then flags a blocklisted face", async () => {
    const empty = await post("/v3/face-search/", { user_image: faceImage("images/deepface-01/2.jpg") });
    expect(empty.status).toBe(200);
    expect(empty.body.face_search).toMatchObject({ status: "Approved", total_matches: 0, matches: [] });

    const cookie = (await loginConsole(server.url, admin.email, admin.password))!;
    const lists = (await (await fetch(`${server.url}/api/console/lists`, { headers: { cookie } })).json()) as { data: { id: string; kind: string; name: string }[] };
    const blocklist = lists.data.find((l) => l.kind === "blocklist")!;
    const form = new FormData();
    form.append("image", faceImage("images/deepface-01/1.jpg"), "face.jpg");
    form.append("label", "fraudster");
    const added = await fetch(`${server.url}/api/console/lists/${blocklist.id}/entries`, { method: "POST", headers: { cookie }, body: form });
    expect(added.status).toBe(201);

    const hit = await post("/v3/face-search/", { user_image: faceImage("images/deepface-01/2.jpg") });
    expect(hit.body.face_search.status).toBe("Declined");
    expect(hit.body.face_search.matches[0]).toMatchObject({ source: "list", list_id: blocklist.id, list_name: blocklist.name });
    expect(hit.body.face_search.matches[0].similarity_percentage).toBeGreaterThanOrEqual(70);
    expect(hit.body.face_search.warnings.map((w: { risk: string }) => w.risk)).toContain("FACE_IN_BLOCKLIST");

    const stranger = await post("/v3/face-search/", { user_image: faceImage("images/deepface-02/1.jpg") });
    expect(stranger.body.face_search.warnings.map((w: { risk: string }) => w.risk)).not.toContain("FACE_IN_BLOCKLIST");

    const liveness = await post("/v3/passive-liveness/", { user_image: faceImage("images/deepface-01/3.jpg") });
    expect(liveness.body.liveness.status).toBe("Declined");
    expect(liveness.body.liveness.warnings.map((w: { risk: string }) => w.risk)).toContain("FACE_IN_BLOCKLIST");
  });
});
