import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { deleteSession } from "@/lib/sessions/delete-session";

export const dynamic = "force-dynamic";

// DELETE /v3/session/{id}/delete/ – delete a session with its images and face templates (204)
export const DELETE = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  await deleteSession(getDb(), { applicationId: ctx.application.id, sessionId: id, actor: { type: "api_key", id: ctx.apiKeyId } });
  return new NextResponse(null, { status: 204 });
});

export const GET = methodNotAllowed(["DELETE"]);
export const POST = GET;
export const PUT = GET;
export const PATCH = GET;
