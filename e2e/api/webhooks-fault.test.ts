import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { api, workflowIdByLabel } from "../support/sessions";
import { createPostgresDatabase, dbProviders, getFreePort, startTestServer } from "../support/test-server";

type Received = { deliveryId: string; sessionId: string; status: string; verified: boolean };

// A receiver written from API.md alone: raw-body HMAC, answering slowly so a crash lands mid-batch.
function startReceiver(port: number, secret: () => string, received: Received[]) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const body = JSON.parse(raw.toString("utf8"));
      const expected = createHmac("sha256", secret()).update(raw).digest("hex");
      received.push({ deliveryId: String(req.headers["x-delivery-id"]), sessionId: body.session_id, status: body.status, verified: expected === req.headers["x-signature"] });
      setTimeout(() => res.writeHead(200).end("ok"), 250);
    });
  });
  return new Promise<http.Server>((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.each(dbProviders)("webhook outbox survives kill -9 (%s)", (provider) => {
  it("delivers every status change at least once, in per-session order, duplicates sharing the delivery id", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "faceid-fault-"));
    const pg = provider === "postgresql" ? await createPostgresDatabase() : null;
    const databaseUrl = pg?.url ?? `file:${path.join(dataDir, "faceid.db")}`;
    const env = { SEED_API_KEY: "fault-key-0123456789abcdefgh", WEBHOOK_RETRY_BASE_MS: "200", WEBHOOK_RETRY_MAX_MS: "1000", WEBHOOK_POLL_INTERVAL_MS: "100", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_LEASE_MS: "3000" };
    const receiverPort = await getFreePort();
    const received: Received[] = [];
    let secret = "";
    let receiver: http.Server | undefined;
    try {
      const first = await startTestServer({ dataDir, databaseUrl, env });
      const a = { url: first.url, key: "fault-key-0123456789abcdefgh" };
      const dest = await api(a, "POST", "/v3/webhook/destinations/", { label: "fault", url: `http://127.0.0.1:${receiverPort}/hook` });
      expect(dest.status).toBe(201);
      secret = dest.body.secret_shared_key;

      // receiver down: status changes pile up in the outbox
      const workflowId = await workflowIdByLabel(a, "Liveness only");
      const sessions: string[] = [];
      for (let i = 0; i < 5; i++) {
        const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: `fault-${i}` });
        sessions.push(s.body.session_id);
        expect((await api(a, "PATCH", `/v3/session/${s.body.session_id}/update-status/`, { new_status: "Approved" })).status).toBe(200);
        expect((await api(a, "PATCH", `/v3/session/${s.body.session_id}/update-status/`, { new_status: "Declined" })).status).toBe(200);
      }

      // receiver up, slow: kill -9 the server once a few deliveries are through
      receiver = await startReceiver(receiverPort, () => secret, received);
      await waitFor(() => received.length >= 2, 20_000);
      await first.stop({ signal: "SIGKILL", keepData: true });
      const countAtCrash = received.length;

      const second = await startTestServer({ dataDir, databaseUrl, env });
      try {
        const expected = sessions.flatMap((id) => [`${id}:Approved`, `${id}:Declined`]);
        await waitFor(() => expected.every((e) => received.some((r) => `${r.sessionId}:${r.status}` === e)), 45_000);
      } finally {
        await second.stop({ keepData: true });
      }
      expect(countAtCrash).toBeLessThan(10);
      expect(received.every((r) => r.verified)).toBe(true);
      for (const id of sessions) {
        const firstSeen = ["Approved", "Declined"].map((status) => received.findIndex((r) => r.sessionId === id && r.status === status));
        expect(firstSeen[0]).toBeLessThan(firstSeen[1]);
      }
      const byDelivery = new Map<string, Set<string>>();
      for (const r of received) byDelivery.set(r.deliveryId, (byDelivery.get(r.deliveryId) ?? new Set()).add(`${r.sessionId}:${r.status}`));
      expect([...byDelivery.values()].every((events) => events.size === 1)).toBe(true);
      expect(byDelivery.size).toBe(10);
    } finally {
      receiver?.close();
      await pg?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
