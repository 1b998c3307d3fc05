import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { createSavedView, listSavedViews, savedViewSchema } from "@/lib/review/saved-views";

// GET /api/console/review/views – my saved queue views and those shared with the team
export const GET = withConsoleSession("viewer", async (_req, user) => {
  const app = await getConsoleApplication();
  return NextResponse.json({ views: await listSavedViews(getDb(), { applicationId: app.id, userId: user.id }) });
});

// POST /api/console/review/views – save the current filters under a name ({name, query, shared})
export const POST = withConsoleSession("viewer", async (req, user) => {
  const body = await parseJsonBody(req, savedViewSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await createSavedView(getDb(), { ...body, applicationId: app.id, userId: user.id }), { status: 201 });
});
