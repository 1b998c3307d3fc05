import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetsPresent, warnIfDatasetsMissing } from "../support/datasets";
import { api, CaptureClient, tokenOf, workflowIdByLabel, type Api } from "../support/sessions";
import { getFreePort, startTestServer, type TestServer } from "../support/test-server";

warnIfDatasetsMissing("client quick start examples");
const KEY = "examples-key-0123456789abcdefghijk";
const root = path.resolve(import.meta.dirname, "..", "..");

// A running example: its output so far, and a way to wait for a line or for it to end.
function runExample(command: string, args: string[], env: Record<string, string>) {
  const child: ChildProcess = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const waitFor = async (pattern: RegExp, ms = 30_000) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const match = output.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) break;
    }
    throw new Error(`the example did not print ${pattern}; its output:\n${output}`);
  };
  return { child, exited, waitFor, output: () => output };
}

// The client quick starts (examples/node, examples/python) run as a customer would run them, against
// the real server: each creates a session, prints the hosted page, and waits for the webhook. The
// session is then captured through the hosted page's endpoints with a dataset face, so a real status
// change fires real signed deliveries; each example must verify them, refuse forged or stale ones, and
// print the decision it read back.
describe.skipIf(!datasetsPresent)("client quick start examples", () => {
  let server: TestServer;
  let a: Api;
  let workflowId = "";

  beforeAll(async () => {
    // the Python example needs requests: a machine without it fails here, saying so, rather than skipping
    try {
      execFileSync("python3", ["-c", "import requests"], { stdio: "pipe" });
    } catch (error) {
      throw new Error(`python3 cannot import requests (pip install requests, or apt-get install python3-requests): ${(error as Error).message}`);
    }
    server = await startTestServer({ env: { SEED_API_KEY: KEY } });
    a = { url: server.url, key: KEY };
    workflowId = await workflowIdByLabel(a, "Liveness only");
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  const examples: [string, string, string[]][] = [
    ["node", process.execPath, ["examples/node/quickstart.mjs"]],
    ["python", "python3", ["examples/python/quickstart.py"]],
  ];
  it.each(examples)("%s: session -> hosted page -> verified webhook -> decision", async (name, command, args) => {
    const port = await getFreePort();
    const destination = await api(a, "POST", "/v3/webhook/destinations/", { label: `${name} quick start`, url: `http://127.0.0.1:${port}/webhook` });
    expect(destination.status).toBe(201);
    const secret = destination.body.secret_shared_key as string;
    const example = runExample(command, args, { API_BASE_URL: server.url, API_KEY: KEY, WEBHOOK_SECRET: secret, WEBHOOK_PORT: String(port), WORKFLOW_ID: workflowId, VENDOR_DATA: `${name}-user` });
    try {
      const [, sessionId] = await example.waitFor(/Session (\S+) created/);
      const [, hostedPage] = await example.waitFor(/Hosted page: (\S+)/);
      expect(hostedPage.startsWith(`${server.url}/verify/`)).toBe(true);

      // forged and replayed deliveries are refused before anything is read from them
      const body = JSON.stringify({ session_id: sessionId, status: "Approved", webhook_type: "status.updated", timestamp: Math.floor(Date.now() / 1000) });
      const sign = (s: string, data: string) => createHmac("sha256", s).update(data).digest("hex");
      const post = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      const now = String(Math.floor(Date.now() / 1000));
      expect((await post({ "x-timestamp": now, "x-signature": sign("not-the-secret", body) })).status).toBe(401);
      expect((await post({ "x-timestamp": String(Number(now) - 3600), "x-signature": sign(secret, body) })).status).toBe(401);
      expect(example.output()).not.toContain("Verified webhook");

      const phone = new CaptureClient(server.url, tokenOf(hostedPage), { "x-forwarded-for": "203.0.113.7" });
      const started = await phone.start();
      expect(started.status).toBe(200);
      const done = await phone.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
      expect(done.body.state.status).toBe("Approved");

      await example.waitFor(/Decision: /, 60_000);
      expect(await example.exited).toBe(0);
      const out = example.output();
      expect(out).toContain(`Verified webhook: status.updated session ${sessionId} status In Progress`);
      expect(out).toContain(`Verified webhook: status.updated session ${sessionId} status Approved`);
      expect(out).toMatch(/Decision: Approved \(liveness Approved score \d+/);
      expect(out.match(/Rejected a webhook/g)).toHaveLength(2);
      expect((await api(a, "GET", `/v3/session/${sessionId}/decision/`)).body.status).toBe("Approved");
    } finally {
      example.child.kill();
      await api(a, "DELETE", `/v3/webhook/destinations/${destination.body.id}/`);
    }
  });
});
