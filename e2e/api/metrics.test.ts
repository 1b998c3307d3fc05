import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, faceImage } from "../support/datasets";
import { parsePrometheusText, scrapeMetrics, sumSamples } from "../support/prometheus-text";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

const KEY = "metrics-api-key-0123456789abcdef";
const TOKEN = "metrics-token-0123456789abcdefgh";

describe.each(dbProviders)("GET /metrics (%s)", (provider) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ provider, env: { SEED_API_KEY: KEY, METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => server?.stop());

  it("answers 401 without the bearer token or with a wrong one", async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await none.json()).error.code).toBeDefined();
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: TOKEN } })).status).toBe(401);
  });

  it("serves the Prometheus text format, and its counters follow the requests", async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const before = parsePrometheusText(await res.text());
    const workflows = { route: "/v3/workflows/", method: "GET", status: "200" };

    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/v3/workflows/`, { headers: { "x-api-key": KEY } })).status).toBe(200);
    const missing = await fetch(`${server.url}/v3/session/${randomUUID()}/decision/`, { headers: { "x-api-key": KEY } });
    expect(missing.status).toBe(404);
    expect((await fetch(`${server.url}/v3/workflows/`)).status).toBe(401);
    // the capture and console endpoints are counted too, under their patterns
    const capture = await fetch(`${server.url}/api/capture/not-a-token-${randomUUID()}`);
    expect(capture.status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${server.url}/api/console/lists`)).status).toBe(401);

    const after = await scrapeMetrics(server.url, TOKEN);
    expect(sumSamples(after, "faceid_http_requests_total", workflows) - sumSamples(before, "faceid_http_requests_total", workflows)).toBe(3);
    expect(sumSamples(after, "faceid_http_request_duration_seconds_count", workflows) - sumSamples(before, "faceid_http_request_duration_seconds_count", workflows)).toBe(3);
    // the route pattern, never the session id
    expect(sumSamples(after, "faceid_http_requests_total", { route: "/v3/session/[id]/decision/", status: "404" })).toBe(1);
    expect(after.some((s) => s.labels.route?.includes(missing.url.split("/")[5]))).toBe(false);
    expect(sumSamples(after, "faceid_http_requests_total", { route: "/v3/workflows/", status: "401" })).toBeGreaterThanOrEqual(1);
    expect(sumSamples(after, "faceid_http_requests_total", { route: "/api/capture/[token]", method: "GET", status: String(capture.status) })).toBe(1);
    expect(sumSamples(after, "faceid_http_requests_total", { route: "/api/console/lists", method: "GET", status: "401" })).toBe(1);
    expect(after.some((s) => s.labels.route?.includes("not-a-token"))).toBe(false);
    // read at scrape time: the shared outbox and, on PostgreSQL, the connection pool
    expect(after.find((s) => s.name === "faceid_webhook_backlog")?.value).toBe(0);
    const poolTotal = after.find((s) => s.name === "faceid_db_pool_connections" && s.labels.state === "total");
    if (provider === "postgresql") expect(poolTotal?.value).toBeGreaterThanOrEqual(1);
    else expect(poolTotal).toBeUndefined();
    expect(after.some((s) => s.name === "faceid_process_cpu_seconds_total")).toBe(true);
  });

  it("counts webhook attempts and their delivery lag", async () => {
    let received = 0;
    const receiver: Server = createServer((req, res) => {
      req.resume().on("end", () => {
        received++;
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    try {
      const api = (path: string, json?: unknown) => fetch(`${server.url}${path}`, { method: json ? "POST" : "GET", headers: { "x-api-key": KEY, "content-type": "application/json" }, body: json ? JSON.stringify(json) : undefined });
      const created = await api("/v3/webhook/destinations/", { label: "metrics", url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      expect((await api(`/v3/webhook/destinations/${id}/test/`, {})).status).toBeLessThan(300);
      const deadline = Date.now() + 15_000;
      let after = await scrapeMetrics(server.url, TOKEN);
      while (sumSamples(after, "faceid_webhook_attempts_total", { outcome: "delivered" }) < 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        after = await scrapeMetrics(server.url, TOKEN);
      }
      expect(received).toBe(1);
      expect(sumSamples(after, "faceid_webhook_attempts_total", { outcome: "delivered" })).toBe(1);
      expect(sumSamples(after, "faceid_webhook_delivery_lag_seconds_count")).toBe(1);
      expect(sumSamples(after, "faceid_webhook_failures_total")).toBe(0);
      expect(sumSamples(after, "faceid_webhook_backlog")).toBe(0);
    } finally {
      await new Promise((r) => receiver.close(r));
    }
  });

  it.skipIf(!datasetsPresent)("counts a face check by type and status, and its inference jobs", async () => {
    const form = new FormData();
    form.append("source_image", faceImage("images/deepface-01/1.jpg"), "a.jpg");
    form.append("target_image", faceImage("images/deepface-01/2.jpg"), "b.jpg");
    const res = await fetch(`${server.url}/v3/face-match/`, { method: "POST", headers: { "x-api-key": KEY }, body: form });
    expect(res.status).toBe(200);
    const status = (await res.json()).face_match.status as string;
    const after = await scrapeMetrics(server.url, TOKEN);
    expect(sumSamples(after, "faceid_checks_total", { origin: "api", type: "face-match", status })).toBe(1);
    expect(sumSamples(after, "faceid_inference_job_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(sumSamples(after, "faceid_inference_jobs_pending")).toBe(0);
    expect(sumSamples(after, "faceid_admission_slots_in_use", { gate: "checks" })).toBe(0);
  });
});
