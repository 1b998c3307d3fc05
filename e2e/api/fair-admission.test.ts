import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, workflowIdByLabel } from "../support/sessions";
import { sendUnfinishedBody, type StreamedResponse } from "../support/streaming-request";
import { createTenant, openTestDb, type Tenant } from "../support/tenants";
import { startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("fair admission");

const BOUNDARY = "----faceid-slow";
const multipartHeaders = (key?: string) => ({ ...(key ? { "x-api-key": key } : {}), "content-type": `multipart/form-data; boundary=${BOUNDARY}` });
const filePartStart = (name: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);

// A multipart upload that trickles a byte every 300 ms and never ends: the slow client of the attack.
const slowUpload = (url: string, headers: Record<string, string>, field: string, timeoutMs: number) =>
  sendUnfinishedBody({ url, headers, prefix: filePartStart(field), chunk: Buffer.from([0xff]), intervalMs: 300, maxBytes: 1_000_000, timeoutMs });

function faceMatchForm(): FormData {
  const form = new FormData();
  form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
  form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
  return form;
}

const faceMatch = async (url: string, key: string) => {
  const res = await fetch(`${url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": key }, body: faceMatchForm() });
  return { status: res.status, body: await res.json() };
};

// Admission is fair between applications and a check slot is only taken once its body is in.
describe.skipIf(!datasetsPresent)("fair admission of the face checks", () => {
  let server: TestServer;
  let db: Db;
  let a: Tenant;
  let b: Tenant;
  beforeAll(async () => {
    // 2 check slots (1 per application while another waits), 4 upload slots (2 per application)
    server = await startTestServer({ env: { SEED_API_KEY: "fair-a-0123456789abcdefgh", MAX_CONCURRENT_CHECKS: "2", CHECK_QUEUE_WAIT_MS: "8000", BODY_READ_TIMEOUT_MS: "4000" } });
    db = openTestDb("sqlite", server.databaseUrl);
    a = { id: "", key: "fair-a-0123456789abcdefgh" };
    b = await createTenant(db, "Tenant B");
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
  });

  it("slow uploads on application A do not make application B's face match answer 503", async () => {
    const slow: Promise<StreamedResponse>[] = Array.from({ length: 10 }, () => slowUpload(`${server.url}/v3/face-match/`, multipartHeaders(a.key), "source_image", 15_000));
    await new Promise((r) => setTimeout(r, 800));
    // while A's uploads trickle (they used to hold every check slot), B is served
    for (let i = 0; i < 3; i++) {
      const res = await faceMatch(server.url, b.key);
      expect(res.status).toBe(200);
      expect(res.body.face_match.status).toBe("Approved");
    }
    // A holds at most its share of the upload slots: the rest were refused at once, and the ones it
    // holds end with 408 at the read deadline instead of lasting as long as the client likes
    const outcomes = await Promise.all(slow);
    const statuses = outcomes.map((o) => o.status).sort();
    expect(statuses).toEqual([408, 408, 503, 503, 503, 503, 503, 503, 503, 503]);
    for (const o of outcomes.filter((x) => x.status === 503)) expect(o.ms).toBeLessThan(3000);
    for (const o of outcomes.filter((x) => x.status === 408)) expect(JSON.parse(o.body).error.code).toBe("request_timeout");
    // and A is served again once its uploads are gone
    expect((await faceMatch(server.url, a.key)).status).toBe(200);
  });

  it("a burst of checks from A cannot keep B's checks out", async () => {
    const burst = Array.from({ length: 6 }, () => faceMatch(server.url, a.key));
    await new Promise((r) => setTimeout(r, 100));
    // B, one check at a time (within its share of the slots while A waits), is always served; two at
    // once would put B above its share, and its second would be shed like A's surplus
    const fromB = [await faceMatch(server.url, b.key), await faceMatch(server.url, b.key)];
    expect(fromB.map((r) => r.status)).toEqual([200, 200]);
    const fromA = await Promise.all(burst);
    // A's surplus is shed with Retry-After, never queued without bound
    expect(fromA.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const r of fromA.filter((x) => x.status !== 200)) {
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe("service_unavailable");
    }
  });
});

// The frames endpoint checks the capture token and the session's state before it reads a byte of the
// body, and takes one submission per session at a time.
describe("capture frames admission", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: "frames-key-0123456789abcdefgh", BODY_READ_TIMEOUT_MS: "3000" } });
  });
  afterAll(async () => server?.stop());

  const framesUpload = (token: string, timeoutMs = 8000) =>
    sendUnfinishedBody({
      url: `${server.url}/api/capture/${token}/frames`,
      headers: multipartHeaders(),
      prefix: filePartStart("frames"),
      chunk: Buffer.alloc(64 * 1024, 0xff),
      // at most 16 MB offered, at one chunk per 50 ms: reading it all would take 13 s
      intervalMs: 50,
      maxBytes: 16 * 1024 * 1024,
      timeoutMs,
    });

  it("answers a bad token with 404 without reading the body", async () => {
    const res = await framesUpload("x".repeat(43));
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body).error.code).toBe("not_found");
    expect(res.ms).toBeLessThan(2000);
    expect(res.bytesSent).toBeLessThan(4 * 1024 * 1024);
  });

  it("answers 409 for a session that is not waiting for frames, without reading the body", async () => {
    const a = { url: server.url, key: "frames-key-0123456789abcdefgh" };
    const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "frames-not-started" });
    const res = await framesUpload(tokenOf(created.body.url));
    expect(res.status).toBe(409);
    expect(res.ms).toBeLessThan(2000);
  });

  it("takes one submission per session at a time and drops a stalled one at the read deadline", async () => {
    const a = { url: server.url, key: "frames-key-0123456789abcdefgh" };
    const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "frames-one-at-a-time" });
    const token = tokenOf(created.body.url);
    expect((await new CaptureClient(server.url, token).start()).body.status).toBe("In Progress");
    const stalled = sendUnfinishedBody({ url: `${server.url}/api/capture/${token}/frames`, headers: multipartHeaders(), prefix: filePartStart("frames"), chunk: Buffer.from([0xff]), intervalMs: 300, maxBytes: 100_000, timeoutMs: 10_000 });
    await new Promise((r) => setTimeout(r, 500));
    const second = await framesUpload(token);
    expect(second.status).toBe(429);
    expect(second.ms).toBeLessThan(2000);
    const first = await stalled;
    expect(first.status).toBe(408);
    // the session is free again: a new submission is read (and judged on its content)
    const third = await fetch(`${server.url}/api/capture/${token}/frames`, { method: "POST", body: new FormData() });
    expect(third.status).not.toBe(429);
  });
});
