import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbProviders, startTestServer, type TestServer } from "../support/test-server";

type Received = { path: string; headers: IncomingHttpHeaders; raw: Buffer };
type Receiver = { url: string; received: Received[]; script: Map<string, number[]>; close: () => Promise<void> };

// A customer's receiver on 127.0.0.1: records every request and answers from a per-path script of status
// codes (the last one repeats).
async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const script = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, raw: Buffer.concat(chunks) });
      const codes = script.get(path) ?? [200];
      const code = codes.length > 1 ? codes.shift()! : codes[0];
      res.writeHead(code, { "content-type": "text/plain" }).end(`answered ${code}`);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, script, close: () => new Promise<void>((r) => server.close(() => r())) };
}

// Written from API.md only, without the project's helpers: what a receiver in another language would do.
function verifyIndependently(delivery: Received, secret: string): boolean {
  const hmac = (data: string | Buffer) => createHmac("sha256", secret).update(data).digest("hex");
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  const body = JSON.parse(delivery.raw.toString("utf8"));
  const ts = String(delivery.headers["x-timestamp"]);
  const fresh = Math.abs(Date.now() / 1000 - Number(ts)) <= 300;
  return (
    fresh &&
    hmac(delivery.raw) === delivery.headers["x-signature"] &&
    hmac(JSON.stringify(sortKeys(body))) === delivery.headers["x-signature-v2"] &&
    hmac(`${ts}:${body.session_id}:${body.status}:${body.webhook_type}`) === delivery.headers["x-signature-simple"]
  );
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("condition not met in time");
}

describe.each(dbProviders)("webhook destinations and deliveries (%s)", (provider) => {
  let server: TestServer;
  let receiver: Receiver;
  const key = `wh-${provider}-${Date.now()}`;
  const api = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${server.url}${path}`, {
      ...init,
      redirect: "manual",
      headers: { "x-api-key": key, ...(init.json !== undefined ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  const createDestination = async (path: string, extra: Record<string, unknown> = {}) => {
    const res = await api("/v3/webhook/destinations/", { method: "POST", json: { label: `hook ${path}`, url: `${receiver.url}${path}`, ...extra } });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string; secret_shared_key: string; subscribed_events: string[]; enabled: boolean };
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    server = await startTestServer({ provider, env: { SEED_API_KEY: key, WEBHOOK_RETRY_BASE_MS: "200", WEBHOOK_POLL_INTERVAL_MS: "100" } });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("creates, lists, reads, updates and deletes a destination; the secret is shown on create only", async () => {
    const created = await createDestination("/crud");
    expect(created).toMatchObject({ enabled: true, subscribed_events: ["status.updated", "data.updated"] });
    expect(created.secret_shared_key).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const list = await api("/v3/webhook/destinations/");
    expect(list.status).toBe(200);
    const listed = await list.json();
    expect(listed.data.map((d: { id: string }) => d.id)).toContain(created.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret_shared_key);

    for (const path of [`/v3/webhook/destinations/${created.id}/`, `/v3/webhook/destinations/${created.id}`]) {
      const one = await api(path);
      expect(one.status).toBe(200);
      const body = await one.json();
      expect(body).toMatchObject({ id: created.id, label: "hook /crud" });
      expect(body.secret_shared_key).toBeUndefined();
    }

    const patched = await api(`/v3/webhook/destinations/${created.id}/`, { method: "PATCH", json: { label: "renamed", subscribed_events: ["session.verified", "session.declined"] } });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ label: "renamed", subscribed_events: ["session.verified", "session.declined"] });

    const bad = await api(`/v3/webhook/destinations/${created.id}/`, { method: "PATCH", json: { subscribed_events: ["session.exploded"] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({ code: "validation_error", field: "subscribed_events.0" });

    expect((await api(`/v3/webhook/destinations/${created.id}/`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/v3/webhook/destinations/${created.id}/`)).status).toBe(404);
  });

  it("validates input and answers JSON 404/405 for unknown ids and methods", async () => {
    const missingUrl = await api("/v3/webhook/destinations/", { method: "POST", json: { label: "x" } });
    expect((await missingUrl.json()).error).toMatchObject({ code: "validation_error", field: "url" });
    const ftp = await api("/v3/webhook/destinations/", { method: "POST", json: { label: "x", url: "ftp://example.com/" } });
    expect((await ftp.json()).error).toMatchObject({ code: "validation_error", field: "url" });

    const foreign = randomUUID();
    for (const [method, path] of [["GET", ""], ["PATCH", ""], ["DELETE", ""], ["POST", "rotate-secret/"], ["POST", "test/"], ["GET", "deliveries/"]]) {
      const res = await api(`/v3/webhook/destinations/${foreign}/${path}`, { method, ...(method === "PATCH" ? { json: { label: "y" } } : {}) });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
    const put = await api("/v3/webhook/destinations/", { method: "PUT", json: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect((await put.json()).error.code).toBe("method_not_allowed");
    expect((await fetch(`${server.url}/v3/webhook/destinations/`)).status).toBe(401);
  });

  it("delivers a signed test event that an independent receiver verifies", async () => {
    const dest = await createDestination("/ok");
    const sent = await api(`/v3/webhook/destinations/${dest.id}/test/`, { method: "POST" });
    expect(sent.status).toBe(202);
    const { delivery_id } = await sent.json();
    const got = await waitFor(() => receiver.received.find((r) => r.headers["x-delivery-id"] === delivery_id));
    expect(got.path).toBe("/ok");
    expect(got.headers["x-webhook-event"]).toBe("status.updated");
    expect(got.headers["content-type"]).toBe("application/json");
    expect(verifyIndependently(got, dest.secret_shared_key)).toBe(true);
    expect(got.headers["x-signature"]).toBe(got.headers["x-signature-v2"]);
    const body = JSON.parse(got.raw.toString());
    expect(body).toMatchObject({ status: "Approved", webhook_type: "status.updated", metadata: { test: true }, timestamp: Number(got.headers["x-timestamp"]) });

    const rotated = await api(`/v3/webhook/destinations/${dest.id}/rotate-secret/`, { method: "POST" });
    expect(rotated.status).toBe(200);
    const after = await rotated.json();
    expect(after.secret_shared_key).not.toBe(dest.secret_shared_key);
    expect(Date.parse(after.previous_secret_expires_at) - Date.now()).toBeGreaterThan(23 * 3600_000);
    const again = await (await api(`/v3/webhook/destinations/${dest.id}/test/`, { method: "POST" })).json();
    const second = await waitFor(() => receiver.received.find((r) => r.headers["x-delivery-id"] === again.delivery_id));
    expect(verifyIndependently(second, after.secret_shared_key)).toBe(true);
    expect(verifyIndependently(second, dest.secret_shared_key)).toBe(false);

    const replay = await api(`/v3/webhook/deliveries/${delivery_id}/redeliver/`, { method: "POST" });
    expect(replay.status).toBe(202);
    await waitFor(() => receiver.received.filter((r) => r.headers["x-delivery-id"] === delivery_id).length === 2);
  });

  it("retries after a 500 with the same delivery id and records both attempts", async () => {
    receiver.script.set("/flaky", [500, 200]);
    const dest = await createDestination("/flaky");
    const { delivery_id } = await (await api(`/v3/webhook/destinations/${dest.id}/test/`, { method: "POST" })).json();
    const tries = await waitFor(() => {
      const hits = receiver.received.filter((r) => r.path === "/flaky");
      return hits.length >= 2 ? hits : undefined;
    });
    expect(tries.map((t) => t.headers["x-delivery-id"])).toEqual([delivery_id, delivery_id]);
    expect(tries.every((t) => verifyIndependently(t, dest.secret_shared_key))).toBe(true);
    const delivered = await waitFor(async () => {
      const { data } = await (await api(`/v3/webhook/destinations/${dest.id}/deliveries/`)).json();
      return data[0]?.status === "delivered" ? data[0] : undefined;
    });
    expect(delivered).toMatchObject({ id: delivery_id, attempts: 2, last_status_code: 200 });
    expect(delivered.attempt_log.map((a: { status_code: number }) => a.status_code)).toEqual([500, 200]);
    expect(delivered.attempt_log[0].response_excerpt).toBe("answered 500");
  });

  it("disables the destination when the receiver answers 410 Gone", async () => {
    receiver.script.set("/gone", [410]);
    const dest = await createDestination("/gone");
    await api(`/v3/webhook/destinations/${dest.id}/test/`, { method: "POST" });
    const disabled = await waitFor(async () => {
      const body = await (await api(`/v3/webhook/destinations/${dest.id}/`)).json();
      return body.enabled === false ? body : undefined;
    });
    expect(disabled.disabled_reason).toContain("410");
    expect(receiver.received.filter((r) => r.path === "/gone")).toHaveLength(1);
    const refused = await api(`/v3/webhook/destinations/${dest.id}/test/`, { method: "POST" });
    expect(refused.status).toBe(409);
  });
});

describe("webhook SSRF guard without WEBHOOK_ALLOW_PRIVATE_NETWORKS", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: "ssrf-key-0123456789abcdefgh", WEBHOOK_ALLOW_PRIVATE_NETWORKS: "0", WEBHOOK_ALLOWED_PORTS: "80,443,8080,8443" } });
  });
  afterAll(async () => server?.stop());

  it.each([
    "http://127.0.0.1:9/hook",
    "http://localhost/hook",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1/",
    "http://[fd00::1]/",
    // IPv6 forms carrying a private IPv4: mapped (hex), compatible, 6to4, Teredo (client 127.0.0.1), NAT64
    "http://[::ffff:a9fe:a9fe]/latest/meta-data/",
    "http://[::127.0.0.1]/",
    "http://[2002:7f00:1::]/",
    "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
    "http://[64:ff9b::192.168.0.1]/",
    // a public address on a port outside the allowed list
    "http://93.184.215.14:6379/",
    "https://93.184.215.14:22/",
  ])("refuses %s", async (url) => {
    const res = await fetch(`${server.url}/v3/webhook/destinations/`, { method: "POST", headers: { "x-api-key": "ssrf-key-0123456789abcdefgh", "content-type": "application/json" }, body: JSON.stringify({ label: "internal", url }) });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "validation_error", field: "url" });
  });
});
