import { isIP } from "node:net";

// "203.0.113.5", "[2001:db8::1]:443", "203.0.113.5:5678", "::ffff:203.0.113.5" -> the plain address.
function normalise(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return isIP(value) ? value : null;
}

export type ClientIpInput = {
  /** the TCP peer of the connection, null when it could not be learnt */
  peer: string | null;
  forwardedFor: string | null;
  realIp: string | null;
  isTrustedProxy: (address: string) => boolean;
  /** proxies in front of the trusted ones whose addresses are not listed (e.g. a CDN's edges) */
  hops: number;
};

// Whose address this is. Forwarded headers are believed only when the connection comes from a
// trusted proxy: a client talking to the server directly can write anything into them. Behind trusted
// proxies, X-Forwarded-For is read from the right (what the nearest proxy appended), passing over
// trusted proxies and then `hops` further entries; the first other address is the client. When the
// chain cannot tell (no header, a malformed entry, fewer entries than hops), the answer is null:
// unknown, which never counts as a known address.
export function resolveClientIp(input: ClientIpInput): string | null {
  const peer = normalise(input.peer);
  if (!peer) return null;
  const trusted = (address: string) => input.isTrustedProxy(address);
  if (!trusted(peer)) return peer;
  const chain = (input.forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (chain.length === 0) {
    const real = normalise(input.realIp);
    return input.hops === 0 && real && !trusted(real) ? real : null;
  }
  let hops = input.hops;
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = normalise(chain[i]);
    if (!address) return null;
    if (trusted(address)) continue;
    if (hops > 0) {
      hops--;
      continue;
    }
    return address;
  }
  return null;
}
