import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { createSession } from "@/lib/sessions/create-session";
import { createSessionSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// POST /v3/session/ – create a verification session; 201 with the hosted page url (200 when an
// unfinished session for the same vendor_data and workflow is returned instead)
export const POST = withApiKey(async (req, ctx) => {
  const body = await parseJsonBody(req, createSessionSchema);
  const result = await createSession(getDb(), { applicationId: ctx.application.id, body, actor: `api_key:${ctx.apiKeyId}` });
  return NextResponse.json(result.body, { status: result.created ? 201 : 200 });
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
