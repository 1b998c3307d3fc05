import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Another build directory lets two checkouts' worth of builds (or a build beside a running server)
  // coexist; `next build` and `next start` must see the same value.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The v3 API is served at paths with a trailing slash (/v3/face-match/) and must never redirect:
  // clients POST multipart bodies and do not follow redirects reliably. Both forms are served as-is.
  skipTrailingSlashRedirect: true,
  poweredByHeader: false,
  // pdfkit reads its font metrics (AFM files) from its own folder at run time: never bundle it; ioredis
  // and prom-client hold process-wide state (connections, the metrics registry): load them once, unbundled
  serverExternalPackages: ["pdfkit", "ioredis", "prom-client"],
  reactStrictMode: true,
  // `npm test` type-checks the whole project with tsc; the build need not do it a second time.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    serverActions: { bodySizeLimit: "6mb" },
  },
  outputFileTracingIncludes: {
    "/**": ["./prisma/migrations/**/*", "./models/onnx/**/*", "./models/manifest.json"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
