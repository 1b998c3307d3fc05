import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { endRolloutSchema } from "@/lib/workflows/console-schemas";
import { endWorkflowRollout } from "@/lib/workflows/end-workflow-rollout";

// POST /api/console/workflows/{id}/rollout – {action: "promote"} makes the rolled-out version live for all, {action: "rollback"} ends the rollout
export const POST = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, endRolloutSchema);
  const app = await getConsoleApplication();
  const result = await endWorkflowRollout(getDb(), { applicationId: app.id, id, action: body.action, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(result);
});
