import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("load shedding");

// Above capacity a check is refused at once with 503 + Retry-After; requests within it are served.
describe.skipIf(!datasetsPresent)("load shedding on the face checks", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: "shed-key-0123456789abcdefgh", MAX_CONCURRENT_CHECKS: "1" } });
  });
  afterAll(async () => server?.stop());

  it("serves what fits and sheds the rest with Retry-After", async () => {
    const send = async () => {
      const form = new FormData();
      form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
      form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
      const res = await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": "shed-key-0123456789abcdefgh" }, body: form });
      return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
    };
    const results = await Promise.all(Array.from({ length: 6 }, send));
    const shed = results.filter((r) => r.status === 503);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    expect(shed.length).toBeGreaterThanOrEqual(1);
    for (const r of shed) {
      expect(r.retryAfter).toBe("1");
      expect(r.body.error.code).toBe("service_unavailable");
    }
    expect((await send()).status).toBe(200);
  });
});
