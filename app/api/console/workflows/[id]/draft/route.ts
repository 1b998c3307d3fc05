import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { saveWorkflowDraftSchema } from "@/lib/workflows/console-schemas";
import { saveWorkflowDraft } from "@/lib/workflows/save-workflow-draft";

// PUT /api/console/workflows/{id}/draft – save the draft graph (may be invalid); returns its problems
export const PUT = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, saveWorkflowDraftSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await saveWorkflowDraft(getDb(), { applicationId: app.id, id, body, actor: { type: "user", id: user.id, label: user.email } }));
});
