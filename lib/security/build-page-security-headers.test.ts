import { describe, expect, it } from "vitest";
import { buildPageSecurityHeaders } from "@/lib/security/build-page-security-headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("page security headers", () => {
  it("gives the console a nonce-only script policy and forbids framing", () => {
    const h = buildPageSecurityHeaders({ kind: "console", nonce: "abc", https: false });
    const csp = directives(h["Content-Security-Policy"]);
    expect(csp["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Permissions-Policy"]).toMatch(/^camera=\(\),/);
    expect(h["Strict-Transport-Security"]).toBeUndefined();
    expect(csp["upgrade-insecure-requests"]).toBeUndefined();
  });

  it("lets the hosted page use the camera and WebAssembly, framed by the allowed origins only", () => {
    const any = buildPageSecurityHeaders({ kind: "hosted", nonce: "n", embedOrigins: null, https: true });
    expect(directives(any["Content-Security-Policy"])["script-src"]).toContain("'wasm-unsafe-eval'");
    expect(directives(any["Content-Security-Policy"])["frame-ancestors"]).toBeUndefined();
    expect(any["X-Frame-Options"]).toBeUndefined();
    expect(any["Permissions-Policy"]).toMatch(/^camera=\(self\),/);
    expect(any["Strict-Transport-Security"]).toBe("max-age=31536000");
    const listed = buildPageSecurityHeaders({ kind: "hosted", nonce: "n", embedOrigins: ["https://a.example", "https://*.b.example"], https: false });
    expect(directives(listed["Content-Security-Policy"])["frame-ancestors"]).toEqual(["https://a.example", "https://*.b.example"]);
    const none = buildPageSecurityHeaders({ kind: "hosted", nonce: "n", embedOrigins: [], https: false });
    expect(directives(none["Content-Security-Policy"])["frame-ancestors"]).toEqual(["'none'"]);
  });

  it("never allows inline or eval'd script outside development", () => {
    for (const kind of ["console", "hosted"] as const) {
      const script = directives(buildPageSecurityHeaders({ kind, nonce: "n", https: false })["Content-Security-Policy"])["script-src"];
      expect(script).not.toContain("'unsafe-inline'");
      expect(script).not.toContain("'unsafe-eval'");
    }
  });
});
