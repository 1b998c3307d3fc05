// Receiver code shown next to the signature headers in the API reference. Each recipe is runnable as
// is (webhook-recipes.test.ts runs both against a delivery signed by lib/webhooks/sign-payload.ts).

export const nodeVerifyRecipe = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the exact bytes received (e.g. express.raw({ type: "application/json" })), never re-serialised.
// headers: lower-case header names, as Node gives them. secret: the destination's secret_shared_key.
export function verifyWebhook(rawBody, headers, secret) {
  const timestamp = Number(headers["x-timestamp"]);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300) return null;
  const sign = (data) => createHmac("sha256", secret).update(data).digest();
  const same = (expected, given) => {
    const bytes = Buffer.from(String(given ?? ""), "hex");
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };
  if (!same(sign(rawBody), headers["x-signature"])) return null;
  const payload = JSON.parse(Buffer.from(rawBody).toString("utf8"));
  if (payload.timestamp !== timestamp) return null;
  const simple = \`\${timestamp}:\${payload.session_id}:\${payload.status}:\${payload.webhook_type}\`;
  if (!same(sign(simple), headers["x-signature-simple"])) return null;
  return payload;
}
`;

export const pythonVerifyRecipe = `import hashlib
import hmac
import json
import time


def verify_webhook(raw_body: bytes, headers, secret: str):
    """raw_body: the exact bytes received (Flask: request.get_data()); headers: a case-insensitive
    mapping (Flask's request.headers). Returns the payload, or None when it must be rejected."""
    try:
        timestamp = int(headers.get("X-Timestamp", ""))
    except ValueError:
        return None
    if abs(time.time() - timestamp) > 300:
        return None
    def sign(data: bytes) -> str:
        return hmac.new(secret.encode(), data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(sign(raw_body), headers.get("X-Signature", "")):
        return None
    payload = json.loads(raw_body)
    if payload.get("timestamp") != timestamp:
        return None
    simple = f"{timestamp}:{payload['session_id']}:{payload['status']}:{payload['webhook_type']}"
    if not hmac.compare_digest(sign(simple.encode()), headers.get("X-Signature-Simple", "")):
        return None
    return payload
`;
