import { afterAll, beforeAll, describe, expect, it } from "vitest";
import sharp from "sharp";
import { loginConsole } from "../support/console-login";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("face-match API");
const KEY = "face-match-key-0123456789abcdefgh";

describe.skipIf(!datasetsPresent).each(dbProviders)("POST /v3/face-match/ (%s)", (provider) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, ADMIN_EMAIL: "admin@example.test", ADMIN_PASSWORD: "admin-password-1" } });
  });
  afterAll(async () => server?.stop());

  async function match(fields: Record<string, Blob | string>) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) {
      if (typeof v === "string") form.append(k, v);
      else form.append(k, v, "upload.jpg");
    }
    const res = await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
    return { status: res.status, body: await res.json() };
  }

  it("approves a genuine pair with a high, symmetric score in the documented shape", async () => {
    const a = faceImage("images/deepface-01/1.jpg");
    const b = faceImage("images/deepface-01/2.jpg");
    const ab = await match({ source_image: a, target_image: b, vendor_data: "user-42" });
    expect(ab.status).toBe(200);
    expect(Object.keys(ab.body).sort()).toEqual(["created_at", "face_match", "request_id", "vendor_data"]);
    expect(ab.body.vendor_data).toBe("user-42");
    expect(ab.body.face_match).toMatchObject({ status: "Approved", source_image_session_id: null, source_image: null, target_image: null, warnings: [] });
    expect(ab.body.face_match.score).toBeGreaterThanOrEqual(70);
    const ba = await match({ source_image: b, target_image: a });
    expect(ba.body.face_match.score).toBe(ab.body.face_match.score);
  });

  it("declines an impostor pair with LOW_FACE_MATCH_SIMILARITY", async () => {
    const { body } = await match({ user_image: faceImage("images/deepface-01/1.jpg"), ref_image: faceImage("images/deepface-02/1.jpg") });
    expect(body.face_match.status).toBe("Declined");
    expect(body.face_match.score).toBeLessThan(50);
    expect(body.face_match.warnings).toEqual([expect.objectContaining({ risk: "LOW_FACE_MATCH_SIMILARITY", log_type: "warning", short_description: expect.any(String), long_description: expect.any(String) })]);
  });

  it("applies per-request thresholds", async () => {
    const { body } = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg"), face_match_score_review_threshold: "100", face_match_score_decline_threshold: "10" });
    expect(body.face_match.status).toBe("In Review");
  });

  it("uses the application's thresholds set in the console", async () => {
    const cookie = (await loginConsole(server.url, "admin@example.test", "admin-password-1"))!;
    const patch = (json: object) => fetch(`${server.url}/api/console/application`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(json) });
    expect((await patch({ faceMatchReviewThreshold: 101 })).status).toBe(400);
    expect((await patch({ faceMatchReviewThreshold: 100 })).status).toBe(200);
    try {
      const { body } = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg") });
      expect(body.face_match.status).toBe("In Review");
    } finally {
      await patch({ faceMatchReviewThreshold: 70 });
    }
  });

  it("records every call for the console's API-requests view", async () => {
    const { body } = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-02/1.jpg"), vendor_data: "logged-user" });
    const cookie = (await loginConsole(server.url, "admin@example.test", "admin-password-1"))!;
    const page = await (await fetch(`${server.url}/api-requests?endpoint=face-match&status=Declined`, { headers: { cookie } })).text();
    expect(page).toContain(body.request_id);
    expect(page).toContain("logged-user");
    expect(page).toContain("LOW_FACE_MATCH_SIMILARITY");
  });

  it("declines with NO_REFERENCE_IMAGE when the reference is missing", async () => {
    const { status, body } = await match({ source_image: faceImage("images/deepface-01/1.jpg") });
    expect(status).toBe(200);
    expect(body.face_match.status).toBe("Declined");
    expect(body.face_match.warnings.map((w: { risk: string }) => w.risk)).toContain("NO_REFERENCE_IMAGE");
  });

  it("declines with NO_FACE_DETECTED naming the image, and notes several faces", async () => {
    const noFace = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("no-face/landscape.jpg") });
    expect(noFace.body.face_match.status).toBe("Declined");
    const warning = noFace.body.face_match.warnings.find((w: { risk: string }) => w.risk === "NO_FACE_DETECTED");
    expect(warning.long_description).toContain("target_image");
    const several = await match({ source_image: faceImage("multi-face/couple.jpg"), target_image: faceImage("images/deepface-01/2.jpg") });
    expect(several.body.face_match.warnings).toContainEqual(expect.objectContaining({ risk: "MULTIPLE_FACES_DETECTED", log_type: "information" }));
  });

  it("finds an upside-down face only with rotate_image, with the upright pair's score", async () => {
    // a photo whose face the detector does not find upside down (API.md: rotations are tried when no face is found)
    const upright = faceImage("images/deepface-04/1.jpg");
    const turned = new Blob([await sharp(Buffer.from(await upright.arrayBuffer())).rotate(180).jpeg({ quality: 92 }).toBuffer()], { type: "image/jpeg" });
    const reference = faceImage("images/deepface-04/2.jpg");
    const plain = await match({ source_image: upright, target_image: reference });
    const without = await match({ source_image: turned, target_image: reference });
    expect(without.body.face_match.status).toBe("Declined");
    expect(without.body.face_match.warnings).toContainEqual(expect.objectContaining({ risk: "NO_FACE_DETECTED", long_description: expect.stringContaining("source_image") }));
    const withRotate = await match({ source_image: turned, target_image: reference, rotate_image: "true" });
    expect(withRotate.body.face_match.warnings.map((w: { risk: string }) => w.risk)).not.toContain("NO_FACE_DETECTED");
    expect(Math.abs(withRotate.body.face_match.score - plain.body.face_match.score)).toBeLessThanOrEqual(3);
  });

  it("keeps images only when asked, behind signed links", async () => {
    const { body } = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg"), save_api_request: "true" });
    const url = new URL(body.face_match.source_image);
    expect(url.pathname).toMatch(/^\/media\/[0-9a-f-]{36}$/);
    const image = await fetch(body.face_match.source_image);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    url.searchParams.set("signature", "forged");
    expect((await fetch(url)).status).toBe(403);
  });

  describe("bad input", () => {
    it("requires the source image", async () => {
      const { status, body } = await match({ target_image: faceImage("images/deepface-01/2.jpg") });
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "validation_error", field: "source_image" });
    });

    it("refuses a JSON body on a multipart endpoint", async () => {
      const res = await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": KEY, "content-type": "application/json" }, body: "{}" });
      expect(res.status).toBe(415);
    });

    it("refuses a text field where a file belongs", async () => {
      const { status, body } = await match({ source_image: "not a file", target_image: faceImage("images/deepface-01/2.jpg") });
      expect(status).toBe(400);
      expect(body.error.field).toBe("source_image");
    });

    it("refuses thresholds outside 0-100", async () => {
      const { status, body } = await match({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg"), face_match_score_decline_threshold: "150" });
      expect(status).toBe(400);
      expect(body.error.field).toBe("face_match_score_decline_threshold");
    });

    it("refuses a non-image, a corrupt JPEG, an oversized file and a pixel flood", async () => {
      const jpeg = new Uint8Array(await faceImage("images/deepface-01/1.jpg").arrayBuffer());
      const flood = await sharp({ create: { width: 10_000, height: 10_000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
      const cases: [Blob, number, string][] = [
        [new Blob(["just some text"]), 415, "unsupported_media_type"],
        [new Blob([jpeg.slice(0, 2000)]), 422, "invalid_image"],
        [new Blob([jpeg, new Uint8Array(5 * 1024 * 1024)]), 413, "payload_too_large"],
        [new Blob([flood]), 422, "image_too_large"],
      ];
      for (const [blob, status, code] of cases) {
        const res = await match({ source_image: blob, target_image: faceImage("images/deepface-01/2.jpg") });
        expect(res.status, code).toBe(status);
        expect(res.body.error.code).toBe(code);
      }
    });
  });
});
