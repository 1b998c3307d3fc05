import { nodeVerifyRecipe, pythonVerifyRecipe } from "./webhook-recipes";

type Json = Record<string, unknown>;

const header = (name: string, description: string, example: string) => ({ name, in: "header", required: true, description, schema: { type: "string" }, example });

// OpenAPI 3.1 `webhooks`: what a destination receives, its signature headers and how to check them.
export function buildWebhooks(input: { payloadRef: string; examples: { payload: unknown; headers: Record<string, string> } }): Json {
  const h = input.examples.headers;
  const description = [
    "Sent to every enabled destination subscribed to the event, at least once, retried with backoff on timeouts, 5xx and 404. Deduplicate on `X-Delivery-Id`. Answer 2xx quickly.",
    "",
    "The body is sent in canonical form (object keys sorted recursively, whole-number floats written as integers, no spaces), so `X-Signature` (raw bytes) and `X-Signature-V2` (canonical form of the parsed body) are equal. Reject a delivery whose `X-Timestamp` is more than 300 s from your clock.",
    "",
    "**Verify in Node**",
    "```js",
    nodeVerifyRecipe.trim(),
    "```",
    "",
    "**Verify in Python**",
    "```python",
    pythonVerifyRecipe.trim(),
    "```",
  ].join("\n");
  const operation = (summary: string) => ({
    summary,
    description,
    tags: ["Webhooks"],
    parameters: [
      header("X-Timestamp", "Unix seconds of this attempt; equals the body's `timestamp`.", h["x-timestamp"] ?? ""),
      header("X-Signature", "Hex HMAC-SHA256 of the exact raw body bytes, key = secret_shared_key.", h["x-signature"] ?? ""),
      header("X-Signature-V2", "Hex HMAC-SHA256 of the canonical form of the body (equal to X-Signature, since the body is sent canonical).", h["x-signature-v2"] ?? ""),
      header("X-Signature-Simple", 'Hex HMAC-SHA256 of "{timestamp}:{session_id}:{status}:{webhook_type}".', h["x-signature-simple"] ?? ""),
      header("X-Delivery-Id", "Stable id of this delivery: the same on every retry and replay.", h["x-delivery-id"] ?? ""),
      header("X-Webhook-Event", "The event type.", h["x-webhook-event"] ?? ""),
    ],
    requestBody: { required: true, content: { "application/json": { schema: { $ref: input.payloadRef }, example: input.examples.payload } } },
    responses: {
      "2XX": { description: "Accepted: the delivery is done." },
      "4XX": { description: "Refused: retried on 404 (and on 401/403 during a secret rotation); 410 Gone disables the destination." },
      "5XX": { description: "Failed: retried with backoff." },
    },
  });
  return {
    "status.updated": { post: operation("A session's status changed") },
  };
}
