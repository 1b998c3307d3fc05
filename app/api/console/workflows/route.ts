import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { listWorkflows } from "@/lib/console/list-area-rows";
import { getDb } from "@/lib/db";
import { createDraftWorkflowSchema } from "@/lib/workflows/console-schemas";
import { createDraftWorkflow } from "@/lib/workflows/create-draft-workflow";

// GET /api/console/workflows – the application's workflows with version and session counts
export const GET = withConsoleSession("viewer", async () => {
  const app = await getConsoleApplication();
  return NextResponse.json({ data: await listWorkflows(getDb(), app.id) });
});

// POST /api/console/workflows – create a draft workflow from a starter (blank or a template)
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, createDraftWorkflowSchema);
  const app = await getConsoleApplication();
  const created = await createDraftWorkflow(getDb(), { applicationId: app.id, body, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(created, { status: 201 });
});
