import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getCaseTimeline } from "@/lib/console/get-case-timeline";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// GET /api/console/sessions/{id}/timeline – the case's complete timeline, oldest first
export const GET = withConsoleSession("viewer", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  const entries = await getCaseTimeline(getDb(), { applicationId: app.id, sessionId: id });
  if (!entries) throw new AppError("not_found", "No session with this id.");
  return NextResponse.json({ entries });
});
