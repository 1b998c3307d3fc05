import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { workflowImportSchema } from "@/lib/workflows/console-schemas";
import { saveWorkflowDraft } from "@/lib/workflows/save-workflow-draft";

// POST /api/console/workflows/{id}/import – replace the draft with an exported file (or a bare graph); returns its problems
export const POST = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, workflowImportSchema);
  const app = await getConsoleApplication();
  const saved = await saveWorkflowDraft(getDb(), {
    applicationId: app.id, id, body: { graph: body.graph }, actor: { type: "user", id: user.id, label: user.email }, action: "workflow.imported",
  });
  return NextResponse.json({ ...saved, graph: body.graph });
});
