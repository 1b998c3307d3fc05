import { createHash } from "node:crypto";
import { getEnv } from "@/lib/env";
import { buildOpenApiDocument } from "./build-openapi-document";

type Served = { body: string; etag: string };
let cached: Served | null = null;

// The document as GET /v3/openapi.json serves it: built once per process (it only changes with the
// code), with this deployment's PUBLIC_URL as the server, and a strong ETag of the exact bytes.
export function getServedDocument(): Served {
  if (cached) return cached;
  const body = JSON.stringify(buildOpenApiDocument({ serverUrl: getEnv().publicUrl }));
  cached = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
  return cached;
}
