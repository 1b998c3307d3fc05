import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { workflowThresholdsSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { draftWorkflowThresholds } from "@/lib/workflows/draft-workflow-thresholds";

// POST /api/console/tuning/workflow-thresholds – new thresholds for one step of a workflow, saved as its
// draft (admin, audited); publishing stays in the builder
export const POST = withConsoleSession("admin", async (req, user) => {
  const body = await parseJsonBody(req, workflowThresholdsSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await draftWorkflowThresholds(getDb(), { applicationId: app.id, body, actor: { type: "user", id: user.id, label: user.email } }));
});
