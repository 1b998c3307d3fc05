import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { buildSessionDecision } from "@/lib/sessions/build-session-decision";

export const dynamic = "force-dynamic";

// GET /v3/session/{id}/decision/ – the session's full verdict
export const GET = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  return NextResponse.json(await buildSessionDecision(getDb(), { applicationId: ctx.application.id, sessionId: id }));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
