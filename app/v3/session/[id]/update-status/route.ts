import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { buildSessionDecision } from "@/lib/sessions/build-session-decision";
import { reviewSession } from "@/lib/sessions/review-session";
import { updateStatusSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// PATCH /v3/session/{id}/update-status/ – approve, decline, request resubmission or re-open/escalate ("In Review") a session by hand (fires the status webhook)
export const PATCH = withApiKey(async (req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, updateStatusSchema);
  const db = getDb();
  await reviewSession(db, { applicationId: ctx.application.id, sessionId: id, newStatus: body.new_status, comment: body.comment ?? null, reasonCode: body.reason_code, customerComment: body.customer_comment, priority: body.priority, actor: { type: "api_key", id: ctx.apiKeyId } });
  return NextResponse.json(await buildSessionDecision(db, { applicationId: ctx.application.id, sessionId: id }));
});

export const GET = methodNotAllowed(["PATCH"]);
export const POST = GET;
export const PUT = GET;
export const DELETE = GET;
