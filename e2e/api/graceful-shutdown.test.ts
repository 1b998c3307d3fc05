import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { datasetsPresent, faceImage, warnIfDatasetsMissing } from "../support/datasets";
import { dbProviders, startTestServer } from "../support/test-server";
import { readDeliveryLeases } from "../support/webhook-deliveries";

warnIfDatasetsMissing("graceful shutdown");

type Answer = { status: number; body: string };

// A face match whose multipart body arrives in two halves, the second only when `finish` is called:
// a check in flight for as long as the test wants.
async function slowFaceMatch(url: string, key: string): Promise<{ finish: () => void; answer: Promise<Answer> }> {
  const form = new FormData();
  form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
  form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
  const encoded = new Response(form);
  const body = Buffer.from(await encoded.arrayBuffer());
  const req = request(`${url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": key, "content-type": encoded.headers.get("content-type")!, "content-length": String(body.length) } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on("response", (res: IncomingMessage) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  req.write(body.subarray(0, body.length >> 1));
  return { finish: () => req.end(body.subarray(body.length >> 1)), answer };
}

// A receiver that takes the webhook and never answers: the delivery stays claimed by the server.
async function startHangingReceiver(): Promise<{ url: string; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server: Server = createServer(() => void hits++);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}


async function waitFor(probe: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

// SIGTERM to a real server process: /readyz answers 503 at once, new checks are refused with 503 +
// Retry-After, the check in flight completes, the webhook delivery it holds is released for another
// instance, and the process exits 0.
describe.skipIf(!datasetsPresent).each(dbProviders)("graceful shutdown (%s)", (provider) => {
  const key = `shutdown-${provider}-0123456789abcdef`;
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("drains on SIGTERM and exits 0", async () => {
    const receiver = await startHangingReceiver();
    cleanups.push(receiver.close);
    const server = await startTestServer({ provider, env: { SEED_API_KEY: key, SHUTDOWN_TIMEOUT_MS: "6000", WEBHOOK_TIMEOUT_MS: "30000", WEBHOOK_POLL_INTERVAL_MS: "100" } });
    cleanups.push(() => server.stop());
    const headers = { "x-api-key": key, "content-type": "application/json" };

    // a webhook delivery held by this server: its receiver never answers
    const destination = await (await fetch(`${server.url}/v3/webhook/destinations/`, { method: "POST", headers, body: JSON.stringify({ label: "hangs", url: `${receiver.url}/hook` }) })).json();
    expect((await fetch(`${server.url}/v3/webhook/destinations/${destination.id}/test/`, { method: "POST", headers })).status).toBeLessThan(300);
    await waitFor(() => receiver.hits() === 1);
    expect((await readDeliveryLeases(provider, server)).filter((d) => d.lockedBy)).toHaveLength(1);

    const slow = await slowFaceMatch(server.url, key);
    await new Promise((r) => setTimeout(r, 300));
    const signalled = Date.now();
    process.kill(server.pid, "SIGTERM");

    // not ready at once, while the check is still in flight
    await waitFor(async () => (await fetch(`${server.url}/readyz`)).status === 503, 3_000);
    expect(Date.now() - signalled).toBeLessThan(3_000);
    const ready = await (await fetch(`${server.url}/readyz`)).json();
    expect(ready).toMatchObject({ status: "not_ready", checks: { shutdown: { ok: false } } });

    // new checks refused like shed load
    const form = new FormData();
    form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
    form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
    const refused = await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": key }, body: form });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect((await refused.json()).error.code).toBe("service_unavailable");
    // and capture submissions too, before their token is even looked up
    const capture = await fetch(`${server.url}/api/capture/any-token/frames`, { method: "POST", body: form });
    expect(capture.status).toBe(503);
    expect(capture.headers.get("retry-after")).toBe("1");

    // the check in flight completes with its real answer
    slow.finish();
    const answer = await slow.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).face_match.status).toMatch(/^(Approved|In Review|Declined)$/);

    expect(await server.exited).toBe(0);
    // the attempt never finished (receiver hangs): the lease is handed back, not left to run out
    const deliveries = await readDeliveryLeases(provider, server);
    expect(deliveries).toEqual([expect.objectContaining({ status: "pending", lockedBy: null, lockedUntil: null })]);
    expect(server.output()).toMatch(/releasedWebhookDeliveries["=:\s]+1/);
  }, 120_000);
});
