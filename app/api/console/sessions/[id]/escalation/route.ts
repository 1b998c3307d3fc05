import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { escalateReviewCase } from "@/lib/review/escalate-review-case";
import { escalateCaseSchema } from "@/lib/review/schemas";

// POST /api/console/sessions/{id}/escalation – raise a case's priority, optionally hand it to another reviewer (reviewer)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, escalateCaseSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await escalateReviewCase(getDb(), { applicationId: app.id, sessionId: id, ...body, userId: user.id, actor: { type: "user", id: user.id, label: user.email } }));
});
