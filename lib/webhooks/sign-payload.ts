import { createHmac } from "node:crypto";

export type SignedHeaders = {
  "X-Timestamp": string;
  "X-Signature": string;
  "X-Signature-V2": string;
  "X-Signature-Simple": string;
};

const hmacHex = (secret: string, data: string | Buffer) => createHmac("sha256", secret).update(data).digest("hex");

// The three signatures of API.md. `body` must already be the canonical form (canonicalize()), because it
// is sent as-is: then X-Signature (raw bytes) and X-Signature-V2 (canonical form) sign the same bytes, and
// a receiver that re-serialises the parsed body canonically still gets a match.
export function signPayload(input: {
  body: string;
  secret: string;
  timestamp: number;
  sessionId: string | null;
  status: string | null;
  webhookType: string;
}): SignedHeaders {
  const raw = Buffer.from(input.body, "utf8");
  const signature = hmacHex(input.secret, raw);
  const simple = `${input.timestamp}:${input.sessionId ?? ""}:${input.status ?? ""}:${input.webhookType}`;
  return {
    "X-Timestamp": String(input.timestamp),
    "X-Signature": signature,
    "X-Signature-V2": signature,
    "X-Signature-Simple": hmacHex(input.secret, simple),
  };
}
