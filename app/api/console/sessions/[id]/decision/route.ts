import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { hasRole } from "@/lib/auth/roles";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { decideReviewCase } from "@/lib/review/decide-review-case";
import { caseDecisionSchema } from "@/lib/review/schemas";

// POST /api/console/sessions/{id}/decision – approve, decline, request resubmission of a case In Review, or re-open a decided one (reviewer; assignee or admin; 409 when already decided)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, caseDecisionSchema);
  const app = await getConsoleApplication();
  const result = await decideReviewCase(getDb(), { applicationId: app.id, sessionId: id, ...body, userId: user.id, isAdmin: hasRole(user.role, "admin"), actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(result);
});
