import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { buildSessionDecision } from "@/lib/sessions/build-session-decision";
import { reviewSession } from "@/lib/sessions/review-session";
import { createReviewSchema } from "@/lib/sessions/schemas";

export const dynamic = "force-dynamic";

// GET /v3/sessions/{id}/reviews/ – the session's reviews and comments, oldest first
export const GET = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const decision = await buildSessionDecision(getDb(), { applicationId: ctx.application.id, sessionId: id });
  return NextResponse.json({ session_id: id, status: decision.status, reviews: decision.reviews });
});

// POST /v3/sessions/{id}/reviews/ – add a comment, optionally with a decision (new_status, reason_code, customer_comment)
export const POST = withApiKey(async (req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, createReviewSchema);
  const db = getDb();
  await reviewSession(db, { applicationId: ctx.application.id, sessionId: id, newStatus: body.new_status ?? null, comment: body.comment, reasonCode: body.reason_code, customerComment: body.customer_comment, priority: body.priority, actor: { type: "api_key", id: ctx.apiKeyId } });
  const decision = await buildSessionDecision(db, { applicationId: ctx.application.id, sessionId: id });
  return NextResponse.json({ session_id: id, status: decision.status, reviews: decision.reviews }, { status: 201 });
});

export const PUT = methodNotAllowed(["GET", "POST"]);
export const PATCH = PUT;
export const DELETE = PUT;
