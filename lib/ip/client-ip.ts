import { isIP } from "node:net";

// The end user's address from X-Forwarded-For. Next.js fills the header with the socket address only
// when the request has none, so behind no proxy a client can claim any address; run the server behind
// a reverse proxy that appends the real peer (nginx $proxy_add_x_forwarded_for, most load balancers).
// The address is read from the right: the last entry is what the nearest proxy saw; with
// TRUSTED_PROXY_HOPS=n, n further proxies of yours (a CDN in front of the load balancer) are skipped.
export function getClientIp(headers: Headers, trustedHops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0)): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim().replace(/^::ffff:/, ""))
    .filter((h) => isIP(h));
  const picked = hops[Math.max(0, hops.length - 1 - trustedHops)] ?? headers.get("x-real-ip")?.trim();
  return picked && isIP(picked) ? picked : null;
}
