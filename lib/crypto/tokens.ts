import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Opaque random tokens (API keys, capture tokens, setup links). 24+ random bytes, base64url.
export function createRandomToken(prefix = "", bytes = 24): string {
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

// High-entropy tokens need no slow hash: sha256 is enough and allows a unique-index lookup.
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
