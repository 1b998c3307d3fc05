import { AppError } from "@/lib/errors";

// Cross-site request forgery guard for console mutations (and sign-in/sign-out). The session cookie is
// ambient: any page the user visits can make their browser send it. Browsers label every request:
// Sec-Fetch-Site (all current engines) says who initiated it, Origin (sent on every POST/PUT/PATCH/
// DELETE) says from where. Policy:
// - Sec-Fetch-Site present: only "same-origin" passes. "same-site" is refused too: a sibling subdomain
//   or another port on the same host is a different application that must not act with our cookie.
// - otherwise Origin present: it must be this server's own origin, as configured (PUBLIC_URL) or as
//   the browser addressed it (the Host header, which a cross-site page cannot choose). "null" fails.
// - neither header: not a browser (curl, scripts, server-to-server). Such a client holds the cookie
//   itself, so there is no victim browser to abuse; every browser that can carry a user's cookie sends
//   at least one of the two headers on these methods. JSON routes additionally require an exact
//   application/json body, which a cross-origin page cannot send without a CORS preflight we never
//   grant.
export function checkRequestOriginOrThrow(headers: Headers, publicUrl: string): void {
  const site = headers.get("sec-fetch-site");
  if (site !== null) {
    if (site.trim().toLowerCase() === "same-origin") return;
    throw new AppError("forbidden", "Cross-origin request refused: console changes must come from the console itself.");
  }
  const origin = headers.get("origin");
  if (origin === null) return;
  if (isOwnOrigin(origin, headers.get("host"), publicUrl)) return;
  throw new AppError("forbidden", "Cross-origin request refused: console changes must come from the console itself.");
}

function isOwnOrigin(origin: string, host: string | null, publicUrl: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (parsed.origin === new URL(publicUrl).origin) return true;
  return host !== null && parsed.host === host.trim().toLowerCase();
}
