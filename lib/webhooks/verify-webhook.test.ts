import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalize } from "@/lib/webhooks/canonicalize";
import { signPayload } from "@/lib/webhooks/sign-payload";
import { verifyWebhook } from "@/lib/webhooks/verify-webhook";

const secret = "test-secret-0123456789";
const now = 1_767_000_000;

// An independent receiver written from API.md alone (no project code): what a customer would write.
function receiverAccepts(rawBody: Buffer, headers: Record<string, string>, key: string): boolean {
  const hmac = (data: string | Buffer) => createHmac("sha256", key).update(data).digest("hex");
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  const body = JSON.parse(rawBody.toString("utf8"));
  const simple = `${headers["X-Timestamp"]}:${body.session_id}:${body.status}:${body.webhook_type}`;
  return (
    Math.abs(now - Number(headers["X-Timestamp"])) <= 300 &&
    hmac(rawBody) === headers["X-Signature"] &&
    hmac(JSON.stringify(sortKeys(body))) === headers["X-Signature-V2"] &&
    hmac(simple) === headers["X-Signature-Simple"]
  );
}

function deliver(payload: Record<string, unknown>, key = secret, timestamp = now) {
  const body = canonicalize({ ...payload, timestamp });
  const headers = { ...signPayload({ body, secret: key, timestamp, sessionId: payload.session_id as string, status: payload.status as string, webhookType: payload.webhook_type as string }) };
  return { rawBody: Buffer.from(body, "utf8"), headers: headers as Record<string, string> };
}

const payloads: Record<string, Record<string, unknown>> = {
  nested: {
    session_id: "5b0c8d4e-1111-4a2b-9c3d-000000000001",
    status: "Approved",
    webhook_type: "status.updated",
    created_at: now - 5,
    vendor_data: "user-42",
    metadata: { z: { y: [3, { b: 2, a: 1 }] }, a: null },
    workflow_id: "wf-1",
    decision: { liveness: { status: "Approved", method: "PASSIVE", score: 96 }, face: { status: "Approved", similarity_score: 0.96 } },
  },
  floats: { session_id: "s-2", status: "In Review", webhook_type: "status.updated", values: [0.5, 1.0, 2.50, -0.0, 1e-7], score: 87.0 },
  unicode: { session_id: "s-3", status: "Declined", webhook_type: "data.updated", vendor_data: "Zoë 山田 🙂👍🏽", metadata: { "ключ": "значение", emoji: "🧑‍💻" } },
};

describe("signPayload + verifyWebhook", () => {
  it.each(Object.keys(payloads))("an independent receiver accepts the %s payload", (name) => {
    const { rawBody, headers } = deliver(payloads[name]);
    expect(receiverAccepts(rawBody, headers, secret)).toBe(true);
    expect(headers["X-Signature"]).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyWebhook({ rawBody, headers, secret, now: now * 1000 })).toMatchObject({ valid: true });
  });

  it("sends whole-number floats as integers and unicode as UTF-8 bytes", () => {
    const { rawBody } = deliver(payloads.floats);
    expect(rawBody.toString()).toContain('"values":[0.5,1,2.5,0,1e-7]');
    expect(rawBody.toString()).toContain('"score":87');
    const unicode = deliver(payloads.unicode).rawBody;
    expect(unicode.includes(Buffer.from("🙂👍🏽", "utf8"))).toBe(true);
  });

  it("accepts headers in any case and as a Headers object", () => {
    const { rawBody, headers } = deliver(payloads.nested);
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyWebhook({ rawBody, headers: lower, secret, now: now * 1000 }).valid).toBe(true);
    expect(verifyWebhook({ rawBody, headers: new Headers(headers), secret, now: now * 1000 }).valid).toBe(true);
  });

  it("refuses a wrong secret, a tampered body, or a tampered header", () => {
    const { rawBody, headers } = deliver(payloads.nested);
    expect(verifyWebhook({ rawBody, headers, secret: "other", now: now * 1000 })).toEqual({ valid: false, reason: "signature mismatch" });
    const tampered = Buffer.from(rawBody.toString().replace("Approved", "Declined"));
    expect(verifyWebhook({ rawBody: tampered, headers, secret, now: now * 1000 }).valid).toBe(false);
    expect(verifyWebhook({ rawBody, headers: { ...headers, "X-Signature-Simple": "00" }, secret, now: now * 1000 }).valid).toBe(false);
  });

  it("refuses stale deliveries and a replayed body with a fresh X-Timestamp", () => {
    const { rawBody, headers } = deliver(payloads.nested);
    expect(verifyWebhook({ rawBody, headers, secret, now: (now + 301) * 1000 })).toEqual({ valid: false, reason: "X-Timestamp outside the tolerance window" });
    expect(verifyWebhook({ rawBody, headers, secret, now: (now + 301) * 1000, toleranceSeconds: 600 }).valid).toBe(true);
    const replay = { ...headers, "X-Timestamp": String(now + 400) };
    expect(verifyWebhook({ rawBody, headers: replay, secret, now: (now + 400) * 1000 }).valid).toBe(false);
  });

  it("accepts the old or the new secret during a rotation", () => {
    const { rawBody, headers } = deliver(payloads.nested, "new-secret");
    expect(verifyWebhook({ rawBody, headers, secret: ["old-secret", "new-secret"], now: now * 1000 }).valid).toBe(true);
  });

  it("survives a receiver that re-serialises the body (V2 recomputed from parsed JSON)", () => {
    const { rawBody, headers } = deliver(payloads.floats);
    const reserialised = JSON.stringify(JSON.parse(rawBody.toString()), null, 2);
    const hmac = createHmac("sha256", secret).update(canonicalize(JSON.parse(reserialised))).digest("hex");
    expect(hmac).toBe(headers["X-Signature-V2"]);
  });
});
