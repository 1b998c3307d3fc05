import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { reviewDecisionSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { decideReviewCase } from "@/lib/review/decide-review-case";

// POST /api/console/sessions/{id}/decision – approve or decline a session In Review (reviewer; 409 when already decided)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, reviewDecisionSchema);
  const app = await getConsoleApplication();
  const result = await decideReviewCase(getDb(), { applicationId: app.id, sessionId: id, decision: body.decision, comment: body.comment, userId: user.id, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(result);
});
