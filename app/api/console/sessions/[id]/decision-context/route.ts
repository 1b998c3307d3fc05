import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { getDecisionContext } from "@/lib/review/get-decision-context";

// GET /api/console/sessions/{id}/decision-context – reasons, assignee, four-eyes policy and any decision awaiting a second review (viewer)
export const GET = withConsoleSession("viewer", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await getDecisionContext(getDb(), { applicationId: app.id, sessionId: id }));
});
