// npm run openapi:examples: records the examples of the OpenAPI document from a real server (the
// production build, real models, dataset faces from ../shared/datasets) into
// lib/api/openapi/examples.json. The server's origin is rewritten to https://verify.example.com; ids,
// scores and warnings are what the server answered; the webhook example is re-signed after the rewrite
// (with the destination's secret from the createWebhookDestination example) so it still verifies.
// Then run `npm run openapi`.
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { faceImage } from "../../e2e/support/datasets";
import { CaptureClient, imageBytes, tokenOf } from "../../e2e/support/sessions";
import { canonicalize } from "@/lib/webhooks/canonicalize";
import { signPayload } from "@/lib/webhooks/sign-payload";
import { getFreePort, startTestServer } from "../../e2e/support/test-server";

const KEY = "openapi-examples-key-0123456789abcdef";
const examples: Record<string, Record<string, unknown>> = {};
const record = (operationId: string, status: number | string, body: unknown) => ((examples[operationId] ??= {})[String(status)] = body);

const server = await startTestServer({ env: { SEED_API_KEY: KEY } });
const receiver = { port: await getFreePort(), deliveries: [] as { headers: Record<string, string>; body: string }[] };
const http = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    receiver.deliveries.push({ headers: req.headers as Record<string, string>, body });
    res.end("ok");
  });
}).listen(receiver.port, "127.0.0.1");

async function call(operationId: string, method: string, p: string, input: { json?: unknown; form?: FormData; key?: string | null } = {}) {
  const headers: Record<string, string> = {};
  if (input.key !== null) headers["x-api-key"] = input.key ?? KEY;
  if (input.json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${server.url}${p}`, { method, headers, body: input.form ?? (input.json !== undefined ? JSON.stringify(input.json) : undefined) });
  const body = res.status === 204 ? null : await res.json();
  if (body !== null) record(operationId, res.status, body);
  if (input.json !== undefined && res.status < 300) record(operationId, "request", input.json);
  return { status: res.status, body };
}

const form = (fields: Record<string, Blob | string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") f.append(k, v);
    else f.append(k, v, "photo.jpg");
  }
  return f;
};

try {
  await call("faceMatch", "POST", "/v3/face-match/", { form: form({ source_image: faceImage("images/deepface-01/1.jpg"), target_image: faceImage("images/deepface-01/2.jpg"), vendor_data: "user-42" }) });
  await call("faceMatch", "POST", "/v3/face-match/", { form: form({ target_image: faceImage("images/deepface-01/2.jpg") }) });
  await call("faceMatch", "POST", "/v3/face-match/", { key: "wrong-key", form: form({ source_image: faceImage("images/deepface-01/1.jpg") }) });
  await call("passiveLiveness", "POST", "/v3/passive-liveness/", { form: form({ user_image: faceImage("images/deepface-01/1.jpg"), vendor_data: "user-42" }) });

  const destination = await call("createWebhookDestination", "POST", "/v3/webhook/destinations/", { json: { label: "Backend", url: `http://127.0.0.1:${receiver.port}/hooks/faceid`, subscribed_events: ["status.updated"] } });
  const destinationId = destination.body.id as string;
  await call("listWebhookDestinations", "GET", "/v3/webhook/destinations/");

  const workflow = await call("createWorkflow", "POST", "/v3/workflows/", {
    json: { workflow_label: "Selfie against document portrait", features: [{ feature: "LIVENESS", config: { face_liveness_method: "PASSIVE" } }, { feature: "FACE_MATCH", config: { review_threshold: 70, decline_threshold: 50 } }] },
  });
  await call("createWorkflow", "POST", "/v3/workflows/", { json: { workflow_label: "Broken", graph: { nodes: [{ id: "start", type: "start" }, { id: "live", type: "LIVENESS" }], edges: [{ id: "e1", source: "start", target: "live" }] } } });
  const workflowId = workflow.body.workflow_id as string;
  await call("getWorkflow", "GET", `/v3/workflows/${workflowId}/`);
  await call("updateWorkflow", "PATCH", `/v3/workflows/${workflowId}/`, { json: { workflow_label: "Selfie against passport portrait" } });
  const workflows = await call("listWorkflows", "GET", "/v3/workflows/");
  const livenessOnly = (workflows.body.results as { workflow_id: string; workflow_label: string }[]).find((w) => w.workflow_label === "Liveness only")!;
  // the same vendor_data and workflow while the first is unfinished: that session again, with 200
  await fetch(`${server.url}/v3/session/`, { method: "POST", headers: { "x-api-key": KEY, "content-type": "application/json" }, body: JSON.stringify({ workflow_id: livenessOnly.workflow_id, vendor_data: "user-7" }) });
  await call("createSession", "POST", "/v3/session/", { json: { workflow_id: livenessOnly.workflow_id, vendor_data: "user-7" } });

  const portrait = imageBytes("images/deepface-01/1.jpg").toString("base64");
  const created = await call("createSession", "POST", "/v3/session/", { json: { workflow_id: workflowId, vendor_data: "user-42", callback: "https://example.com/verified", metadata: { plan: "gold" }, portrait_image: portrait } });
  // the request example keeps the portrait short; the recorded one was a real 1.jpg
  record("createSession", "request", { workflow_id: workflowId, vendor_data: "user-42", callback: "https://example.com/verified", metadata: { plan: "gold" }, portrait_image: "/9j/4AAQSkZJRgABAQAAAQABAAD..." });
  const sessionId = created.body.session_id as string;
  const capture = new CaptureClient(server.url, tokenOf(created.body.url as string));
  const started = await capture.start();
  const answered = await capture.captureLive(started.body.step.challenge.id, "images/deepface-01/2.jpg");
  if (answered.status !== 200) throw new Error(`capture failed: ${JSON.stringify(answered.body)}`);

  await call("getSessionDecision", "GET", `/v3/session/${sessionId}/decision/`);
  await call("getSessionDecision", "GET", "/v3/session/00000000-0000-4000-8000-000000000000/decision/");
  await call("listSessions", "GET", "/v3/sessions/?vendor_data=user-42&limit=5");
  await call("createSessionReview", "POST", `/v3/sessions/${sessionId}/reviews/`, { json: { comment: "Checked the capture by hand." } });
  await call("listSessionReviews", "GET", `/v3/sessions/${sessionId}/reviews/`);
  await call("updateSessionStatus", "PATCH", `/v3/session/${sessionId}/update-status/`, { json: { new_status: "Declined", comment: "Portrait does not match the passport on file.", customer_comment: "We could not confirm your identity." } });
  await call("faceSearch", "POST", "/v3/face-search/", { form: form({ user_image: faceImage("images/deepface-01/3.jpg") }) });

  await call("getWebhookDestination", "GET", `/v3/webhook/destinations/${destinationId}/`);
  await call("updateWebhookDestination", "PATCH", `/v3/webhook/destinations/${destinationId}/`, { json: { label: "Backend (production)" } });
  await call("sendTestWebhook", "POST", `/v3/webhook/destinations/${destinationId}/test/`);
  const hasDecision = () => receiver.deliveries.some((d) => JSON.parse(d.body).decision);
  for (let i = 0; i < 300 && !hasDecision(); i++) await new Promise((r) => setTimeout(r, 100));
  const deliveries = await call("listWebhookDeliveries", "GET", `/v3/webhook/destinations/${destinationId}/deliveries/?limit=3`);
  await call("redeliverWebhook", "POST", `/v3/webhook/deliveries/${(deliveries.body.data as { id: string }[])[0].id}/redeliver/`);
  await call("rotateWebhookSecret", "POST", `/v3/webhook/destinations/${destinationId}/rotate-secret/`, { json: { previous_secret_valid_hours: 24 } });

  const withDecision = receiver.deliveries.find((d) => JSON.parse(d.body).decision);
  if (!withDecision) throw new Error(`no delivery with a decision: ${receiver.deliveries.map((d) => JSON.parse(d.body).status).join(", ")}`);
  const origin = new RegExp(server.url.replace(/[.:/]/g, "\\$&"), "g");
  const receiverOrigin = new RegExp(`http://127\\.0\\.0\\.1:${receiver.port}`, "g");
  const rewrite = (json: string) => json.replace(origin, "https://verify.example.com").replace(receiverOrigin, "https://backend.example.com");
  const payload = JSON.parse(rewrite(withDecision.body));
  const secret = (examples.createWebhookDestination["201"] as { secret_shared_key: string }).secret_shared_key;
  const signed = signPayload({ body: canonicalize(payload), secret, timestamp: payload.timestamp, sessionId: payload.session_id, status: payload.status, webhookType: payload.webhook_type });
  const headers = {
    ...Object.fromEntries(Object.entries(withDecision.headers).filter(([k]) => k.startsWith("x-"))),
    ...Object.fromEntries(Object.entries(signed).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const text = rewrite(JSON.stringify({ operations: examples, webhook: { payload, headers } }, null, 2));
  const file = path.resolve(import.meta.dirname, "..", "..", "lib", "api", "openapi", "examples.json");
  writeFileSync(file, `${text}\n`);
  console.log(`wrote ${file}: ${Object.keys(examples).length} operations, webhook ${headers["x-webhook-event"]}`);
} finally {
  http.close();
  await server.stop();
}
