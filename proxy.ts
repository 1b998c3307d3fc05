import { NextResponse, type NextRequest } from "next/server";
import { findEmbedOrigins } from "@/lib/capture/find-embed-origins";
import { HOSTED_TOKEN_HEADER } from "@/lib/capture/languages";
import { getEnv } from "@/lib/env";
import { buildPageSecurityHeaders } from "@/lib/security/build-page-security-headers";

// Pages only (see the matcher): a fresh nonce per request, handed to Next.js in the request's
// Content-Security-Policy header (it puts the nonce on its own scripts while rendering), and the
// page's security headers on the response. Authentication is not done here: every page and route
// handler checks it itself.
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const hostedToken = /^\/verify\/([^/]+)\/?$/.exec(request.nextUrl.pathname)?.[1];
  const headers = buildPageSecurityHeaders({
    kind: hostedToken ? "hosted" : "console",
    nonce,
    embedOrigins: hostedToken ? await findEmbedOrigins(decodeURIComponent(hostedToken)) : undefined,
    https: getEnv().publicUrl.startsWith("https://"),
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  // the root layout writes <html lang> from the hosted page's session (only this proxy may set it)
  requestHeaders.delete(HOSTED_TOKEN_HEADER);
  if (hostedToken) requestHeaders.set(HOSTED_TOKEN_HEADER, hostedToken);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  // no page of this server belongs in a search index (public/robots.txt asks crawlers to stay out)
  response.headers.set("X-Robots-Tag", "noindex, nofollow");
  return response;
}

// Not the API, internal endpoints, media or static files: their bodies would pass through here for
// nothing (uploads are large), and a JSON or image response runs no script.
export const config = {
  matcher: ["/((?!api/|v3/|v3$|media/|capture-assets/|_next/|healthz|readyz|metrics|favicon\\.ico|icon\\.svg|icon-192\\.png|icon-512\\.png|apple-touch-icon\\.png|robots\\.txt|manifest\\.webmanifest).*)"],
};
