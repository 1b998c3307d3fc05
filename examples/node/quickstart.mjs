// Client quick start (Node 18+, no dependencies): create a verification session from your backend,
// send the user to the hosted page, receive the signed webhook, then read the decision.
//
//   API_BASE_URL=http://localhost:3000 API_KEY=... WEBHOOK_SECRET=... node examples/node/quickstart.mjs
//
// API_KEY: an API key of your application (console > API keys). WEBHOOK_SECRET: the secret_shared_key of
// a webhook destination whose URL points at this script (http://<this host>:WEBHOOK_PORT/webhook).
// WORKFLOW_ID: the workflow to run (default: the application's default workflow). VENDOR_DATA: your id
// for the user. The script exits once the session reaches a final status and the decision is read.
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

const baseUrl = (process.env.API_BASE_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const apiKey = required("API_KEY");
const webhookSecret = required("WEBHOOK_SECRET");
const port = Number(process.env.WEBHOOK_PORT ?? 4000);
const vendorData = process.env.VENDOR_DATA ?? `quickstart-${Date.now()}`;
// a delivery older than this is refused, so a captured request cannot be replayed later
const TOLERANCE_SECONDS = 300;
const FINAL_STATUSES = new Set(["Approved", "Declined", "In Review", "Abandoned", "Expired"]);

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see the comment at the top of this file).`);
    process.exit(2);
  }
  return value;
}

async function callApi(method, path, body) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { "x-api-key": apiKey, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${json.error?.message ?? JSON.stringify(json)}`);
  return json;
}

// X-Signature is the hex HMAC-SHA256 of the raw body bytes with the destination's secret; compare in
// constant time, and only after checking X-Timestamp is recent.
export function verifySignature({ rawBody, timestamp, signature, secret, now = Date.now() }) {
  const sent = Number(timestamp);
  if (!Number.isInteger(sent) || Math.abs(Math.floor(now / 1000) - sent) > TOLERANCE_SECONDS) return false;
  if (typeof signature !== "string" || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, "hex"));
}

async function main() {
  // 1. The webhook receiver: read the raw body (never re-serialised JSON), verify, then act.
  let sessionId = null;
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/webhook") return res.writeHead(404).end();
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", async () => {
      const rawBody = Buffer.concat(chunks);
      if (!verifySignature({ rawBody, timestamp: req.headers["x-timestamp"], signature: req.headers["x-signature"], secret: webhookSecret })) {
        console.log("Rejected a webhook: bad signature or stale timestamp");
        return res.writeHead(401).end();
      }
      res.writeHead(200).end("ok");
      const event = JSON.parse(rawBody.toString("utf8"));
      if (event.session_id !== sessionId) return;
      console.log(`Verified webhook: ${event.webhook_type} session ${event.session_id} status ${event.status}`);
      if (!FINAL_STATUSES.has(event.status)) return;
      // 3. The webhook says something changed; the decision endpoint is the source of truth.
      const decision = await callApi("GET", `/v3/session/${sessionId}/decision/`);
      console.log(`Decision: ${decision.status} (liveness ${decision.liveness?.status ?? "-"} score ${decision.liveness?.score ?? "-"}, face match ${decision.face_match?.status ?? "-"} score ${decision.face_match?.score ?? "-"})`);
      server.close();
      process.exit(0);
    });
  });
  await new Promise((resolve) => server.listen(port, resolve));
  console.log(`Webhook receiver listening on port ${port} at /webhook`);

  // 2. Create the session from the backend (the API key never reaches the browser).
  const workflowId = process.env.WORKFLOW_ID ?? (await callApi("GET", "/v3/workflows/")).results.find((w) => w.is_default)?.workflow_id;
  if (!workflowId) throw new Error("No default workflow: set WORKFLOW_ID.");
  const session = await callApi("POST", "/v3/session/", { workflow_id: workflowId, vendor_data: vendorData });
  sessionId = session.session_id;
  console.log(`Session ${sessionId} created`);
  console.log(`Hosted page: ${session.url}`);
  console.log("Redirect the user there, or embed it: <iframe src=\"...\" allow=\"camera\"></iframe>");
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
