import { timingSafeEqual } from "node:crypto";
import { getPeerStamp } from "@/lib/ip/get-peer-stamp";

// The TCP peer of this request as stamped by the server (stamp-peer-address.ts), or null when the
// request carries no valid stamp: callers then treat the address as unknown.
export function readPeerAddress(headers: Headers): string | null {
  const { header, secret } = getPeerStamp();
  const value = headers.get(header);
  if (!value) return null;
  const space = value.indexOf(" ");
  if (space <= 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value.slice(space + 1).trim() || null;
}
