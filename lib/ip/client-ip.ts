import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/ip/parse-trusted-proxies";
import { readPeerAddress } from "@/lib/ip/read-peer-address";
import { resolveClientIp } from "@/lib/ip/resolve-client-ip";

let cached: { source: string; proxies: TrustedProxies } | undefined;

function trustedProxies(): TrustedProxies {
  const source = getEnv().TRUSTED_PROXIES;
  if (cached?.source !== source) cached = { source, proxies: parseTrustedProxies(source) };
  return cached.proxies;
}

// The end user's address: the TCP peer, unless the peer is one of TRUSTED_PROXIES (then the
// forwarded chain, see resolve-client-ip.ts). Null when unknown.
export function getClientIp(headers: Headers): string | null {
  const { list, empty } = trustedProxies();
  return resolveClientIp({
    peer: readPeerAddress(headers),
    forwardedFor: empty ? null : headers.get("x-forwarded-for"),
    realIp: empty ? null : headers.get("x-real-ip"),
    isTrustedProxy: (address) => !empty && list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4"),
    hops: getEnv().TRUSTED_PROXY_HOPS,
  });
}
