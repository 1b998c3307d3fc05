import { createHmac } from "node:crypto";
import { deriveKey } from "@/lib/crypto/instance-secrets";
import { safeEqual } from "@/lib/crypto/tokens";
import { getEnv } from "@/lib/env";

// Media in API responses are links to this app, valid for an hour: /media/<id>?expires=<unix>&signature=<hmac>.
export const MEDIA_URL_TTL_SECONDS = 60 * 60;

function sign(id: string, expires: number): string {
  return createHmac("sha256", deriveKey("media-url")).update(`${id}.${expires}`).digest("base64url");
}

export function createSignedMediaUrl(id: string, options: { ttlSeconds?: number; now?: number } = {}): string {
  const expires = Math.floor((options.now ?? Date.now()) / 1000) + (options.ttlSeconds ?? MEDIA_URL_TTL_SECONDS);
  return `${getEnv().publicUrl}/media/${id}?expires=${expires}&signature=${sign(id, expires)}`;
}

export type MediaUrlCheck = "valid" | "invalid" | "expired";

export function checkSignedMediaUrl(input: { id: string; expires: string | null; signature: string | null; now?: number }): MediaUrlCheck {
  const expires = Number(input.expires);
  if (!input.signature || !Number.isInteger(expires)) return "invalid";
  if (!safeEqual(sign(input.id, expires), input.signature)) return "invalid";
  return expires * 1000 < (input.now ?? Date.now()) ? "expired" : "valid";
}
