// Response headers for every HTML page. Two kinds of page:
// - the console (everything but /verify): never framed, no camera;
// - the hosted capture page (/verify/{token}): framed only by the application's allowed embedding
//   origins (null: any site, as before the setting existed; []: nowhere), camera for itself, and
//   WebAssembly for the in-browser face detector.
// Scripts run only with this response's nonce ('strict-dynamic' extends the trust to the chunks those
// scripts load); no inline or injected script runs. Styles allow 'unsafe-inline': React renders style
// attributes (xyflow's canvas, recharts, the brand colour) that a nonce cannot cover, and CSS cannot
// run script.
export type PageKind = "console" | "hosted";

export type PageSecurityInput = {
  kind: PageKind;
  nonce: string;
  /** hosted page only: null = any site may embed it */
  embedOrigins?: string[] | null;
  https: boolean;
  /** next dev needs eval for its error overlay */
  development?: boolean;
};

export function buildPageSecurityHeaders(input: PageSecurityInput): Record<string, string> {
  const hosted = input.kind === "hosted";
  const script = ["'self'", `'nonce-${input.nonce}'`, "'strict-dynamic'"];
  if (hosted) script.push("'wasm-unsafe-eval'");
  if (input.development) script.push("'unsafe-eval'");
  const directives: string[] = [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
  const ancestors = hosted ? frameAncestors(input.embedOrigins ?? null) : "'none'";
  if (ancestors) directives.push(`frame-ancestors ${ancestors}`);
  if (input.https) directives.push("upgrade-insecure-requests");

  const headers: Record<string, string> = {
    "Content-Security-Policy": directives.join("; "),
    // the parent frame delegates the camera with <iframe allow="camera">; this header only has to let
    // the page itself use what it is given (its embedders' origins never run inside it)
    "Permissions-Policy": `camera=${hosted ? "(self)" : "()"}, microphone=(), geolocation=(), payment=(), usb=()`,
    "Cross-Origin-Opener-Policy": hosted ? "unsafe-none" : "same-origin",
  };
  // legacy browsers ignore frame-ancestors; X-Frame-Options cannot express an allowlist
  if (!hosted) headers["X-Frame-Options"] = "DENY";
  if (input.https) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

function frameAncestors(origins: string[] | null): string | null {
  if (origins === null) return null;
  return origins.length ? origins.join(" ") : "'none'";
}
