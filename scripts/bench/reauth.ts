// npm run bench:reauth — selfie-only re-authentication, end to end over HTTP against the real server:
// one enrolment (portrait), then N re-auth sessions from new devices, each answered with a PASSIVE burst
// (5 frames of a live-like fake-camera video of the person, taken about 200 ms apart after the burst
// nonce). Prints the capture-to-decision latency (the frames POST: upload, decode, burst checks,
// liveness, 1:1 match, status change with its webhook in the outbox) as p50/p95/p99, and the whole flow
// per session.
import { readFileSync } from "node:fs";
import path from "node:path";
import { facesDir } from "../../e2e/support/datasets";
import { liveBurst } from "../../e2e/support/face-camera";
import { api, CaptureClient, tokenOf, workflowIdByLabel } from "../../e2e/support/sessions";
import { startTestServer } from "../../e2e/support/test-server";

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 20);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// the bench client plays a reverse proxy on 127.0.0.1, so each session comes from its own address
const server = await startTestServer({ env: { SEED_API_KEY: "bench-key-0123456789abcdefgh", LOG_LEVEL: "warn", TRUSTED_PROXIES: "127.0.0.1" } });
try {
  const a = { url: server.url, key: "bench-key-0123456789abcdefgh" };
  const workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  const portrait = readFileSync(path.join(facesDir, "images/deepface-01/1.jpg")).toString("base64");
  const frames = await liveBurst(path.join(facesDir, "images/deepface-01/2.jpg"));
  const capture: number[] = [];
  const total: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < runs + 2; i++) {
    const t0 = performance.now();
    const s = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: `bench-${i}`, portrait_image: portrait });
    const client = new CaptureClient(server.url, tokenOf(s.body.url), { "x-forwarded-for": `203.0.113.${i % 250}` });
    const started = await client.start();
    const challengeId = started.body.step.challenge.id;
    const ticket = (await client.requestBurst(challengeId)).body;
    const b0 = performance.now();
    const times: number[] = [];
    for (let f = 0; f < frames.length; f++) {
      if (f > 0) await sleep(200 + Math.round(Math.random() * 60));
      times.push(Math.round((performance.now() - b0) * 10) / 10);
    }
    const t1 = performance.now();
    const done = await client.answerBurst(challengeId, { frames, nonce: ticket.nonce, times });
    const t2 = performance.now();
    if (i < 2) continue; // warm-up
    statuses[done.body.state.status] = (statuses[done.body.state.status] ?? 0) + 1;
    capture.push(t2 - t1);
    total.push(t2 - t0);
  }
  const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, p99 ${pct(xs, 99).toFixed(0)} ms, max ${Math.max(...xs).toFixed(0)} ms`;
  const kb = frames.reduce((n, f) => n + f.length, 0) / 1024;
  console.log(`re-auth, ${runs} sessions (burst of ${frames.length} JPEGs, ${kb.toFixed(0)} KB in all), outcomes: ${JSON.stringify(statuses)}`);
  console.log(`capture -> decision: ${fmt(capture)}`);
  console.log(`whole flow (create session with portrait, start, burst of ~1 s, capture, decision): ${fmt(total)}`);
} finally {
  await server.stop();
}
