import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { getServedDocument } from "@/lib/api/openapi/get-served-document";

export const dynamic = "force-dynamic";

// GET /v3/openapi.json – the OpenAPI 3.1 document of this API; public, cacheable, 304 on a matching ETag
export async function GET(req: Request) {
  const { body, etag } = getServedDocument();
  const headers = { ETag: etag, "Cache-Control": "public, max-age=300, must-revalidate", Vary: "Accept-Encoding" };
  const match = req.headers.get("if-none-match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8", "Access-Control-Allow-Origin": "*" } });
}

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
