import { createHmac, timingSafeEqual } from "node:crypto";
import { canonicalize } from "@/lib/webhooks/canonicalize";

export type VerifyWebhookResult = { valid: true; payload: Record<string, unknown> } | { valid: false; reason: string };

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const found = Object.entries(headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(found) ? found[0] : found;
}

function sameHex(expected: string, given: string | undefined): boolean {
  if (!given || !/^[0-9a-f]+$/i.test(given)) return false;
  const a = Buffer.from(expected, "hex");
  const b = Buffer.from(given.toLowerCase(), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

const hmacHex = (secret: string, data: string | Buffer) => createHmac("sha256", secret).update(data).digest("hex");

/**
 * Verifies a delivery exactly as a receiver should, before trusting anything in it:
 * - `X-Timestamp` is within `toleranceSeconds` of now (replays of old deliveries are refused) and equals
 *   the body's `timestamp` field, so the signed bytes carry the send time too;
 * - `X-Signature` is the HMAC-SHA256 of the raw body bytes;
 * - `X-Signature-V2` is the HMAC-SHA256 of the canonical form of the parsed body;
 * - `X-Signature-Simple` is the HMAC-SHA256 of "{timestamp}:{session_id}:{status}:{webhook_type}".
 * `secret` may be a list (during a secret rotation a receiver accepts the old and the new one). All
 * comparisons are timing-safe. Pass the body exactly as received (Buffer or string), never re-serialised.
 */
export function verifyWebhook(input: {
  rawBody: Buffer | Uint8Array | string;
  headers: HeaderBag;
  secret: string | string[];
  toleranceSeconds?: number;
  now?: number;
}): VerifyWebhookResult {
  const raw = typeof input.rawBody === "string" ? Buffer.from(input.rawBody, "utf8") : Buffer.from(input.rawBody);
  const tolerance = input.toleranceSeconds ?? 300;
  const timestampText = header(input.headers, "x-timestamp");
  const timestamp = Number(timestampText);
  if (!timestampText || !Number.isInteger(timestamp)) return { valid: false, reason: "missing or malformed X-Timestamp" };
  const nowSeconds = Math.floor((input.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) return { valid: false, reason: "X-Timestamp outside the tolerance window" };

  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return { valid: false, reason: "body is not a JSON object" };
    payload = parsed as Record<string, unknown>;
  } catch {
    return { valid: false, reason: "body is not valid JSON" };
  }
  if (payload.timestamp !== undefined && payload.timestamp !== timestamp) return { valid: false, reason: "body timestamp differs from X-Timestamp" };

  const simple = `${timestampText}:${payload.session_id ?? ""}:${payload.status ?? ""}:${payload.webhook_type ?? ""}`;
  const canonical = canonicalize(payload);
  const secrets = Array.isArray(input.secret) ? input.secret : [input.secret];
  for (const secret of secrets) {
    const raw1 = sameHex(hmacHex(secret, raw), header(input.headers, "x-signature"));
    const v2 = sameHex(hmacHex(secret, canonical), header(input.headers, "x-signature-v2"));
    const simpleOk = sameHex(hmacHex(secret, simple), header(input.headers, "x-signature-simple"));
    if (raw1 && v2 && simpleOk) return { valid: true, payload };
  }
  return { valid: false, reason: "signature mismatch" };
}
