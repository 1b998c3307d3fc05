import { NextResponse } from "next/server";
import { zodToAppError } from "@/lib/api/error-response";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { listSessions } from "@/lib/sessions/list-sessions";
import { listSessionsSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// GET /v3/sessions/ – sessions, newest first (filters vendor_data, status, workflow_id; limit/offset)
export const GET = withApiKey(async (req, ctx) => {
  const parsed = listSessionsSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw zodToAppError(parsed.error);
  return NextResponse.json(await listSessions(getDb(), { applicationId: ctx.application.id, query: parsed.data }));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
