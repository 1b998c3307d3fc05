// npm run bench:webhooks — delivery throughput of the outbox worker inside the real server: N events
// are written to the outbox (as status changes write them), then the time until a local receiver has
// acknowledged every delivery is measured. Receiver: node:http on 127.0.0.1, answering 200 at once.
import http from "node:http";
import { getFreePort, startTestServer } from "../../e2e/support/test-server";

const count = Number(process.argv.find((a) => a.startsWith("--events="))?.split("=")[1] ?? 2000);
const postgres = process.argv.includes("--postgres");

const port = await getFreePort();
let received = 0;
const receiver = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received++;
    res.writeHead(200).end();
  });
});
await new Promise<void>((r) => receiver.listen(port, "127.0.0.1", r));
const server = await startTestServer({ provider: postgres ? "postgresql" : "sqlite", env: { SEED_API_KEY: "bench-key-0123456789abcdefgh", LOG_LEVEL: "warn", WEBHOOK_POLL_INTERVAL_MS: "100" } });
try {
  const res = await fetch(`${server.url}/v3/webhook/destinations/`, {
    method: "POST",
    headers: { "x-api-key": "bench-key-0123456789abcdefgh", "content-type": "application/json" },
    body: JSON.stringify({ label: "bench", url: `http://127.0.0.1:${port}/hook` }),
  });
  if (res.status !== 201) throw new Error(`destination: ${res.status} ${await res.text()}`);

  // write the outbox from this process, through the same function the status changes use
  process.env.DATABASE_URL = server.databaseUrl;
  process.env.DATA_DIR = server.dataDir;
  const { getDb } = await import("@/lib/db");
  const { enqueueWebhookEvent } = await import("@/lib/webhooks/enqueue-event");
  const db = getDb();
  const app = await db.application.findFirstOrThrow();
  const t0 = performance.now();
  for (let i = 0; i < count; i += 200) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < Math.min(count, i + 200); j++) {
        const sessionId = `bench-session-${j % 500}`;
        await enqueueWebhookEvent(tx, { applicationId: app.id, sessionId, type: "status.updated", payload: { session_id: sessionId, status: "Approved", webhook_type: "status.updated", n: j } });
      }
    });
  }
  const written = performance.now();
  while (received < count) {
    if (performance.now() - written > 120_000) throw new Error(`only ${received}/${count} delivered in 120 s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const done = performance.now();
  console.log(`${count} deliveries (${postgres ? "PostgreSQL" : "SQLite"}, 500 sessions, signed, one receiver on 127.0.0.1)`);
  console.log(`outbox write: ${(written - t0).toFixed(0)} ms; delivered in ${((done - t0) / 1000).toFixed(2)} s from the first write`);
  console.log(`throughput: ${((count / (done - t0)) * 1000).toFixed(0)} deliveries/s`);
  await db.$disconnect();
} finally {
  await server.stop();
  receiver.close();
}
