import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { getWorkflowEditorStateOrThrow } from "@/lib/workflows/get-workflow-editor-state";

// GET /api/console/workflows/{id} – the draft and every published version
export const GET = withConsoleSession("viewer", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await getWorkflowEditorStateOrThrow(getDb(), { applicationId: app.id, id }));
});
