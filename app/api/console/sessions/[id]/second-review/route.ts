import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { secondReviewSchema } from "@/lib/review/schemas";
import { settleSecondReview } from "@/lib/review/settle-second-review";

// POST /api/console/sessions/{id}/second-review – confirm or reject a four-eyes first decision (reviewer other than the first)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, secondReviewSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await settleSecondReview(getDb(), { applicationId: app.id, sessionId: id, ...body, userId: user.id, actor: { type: "user", id: user.id, label: user.email } }));
});
