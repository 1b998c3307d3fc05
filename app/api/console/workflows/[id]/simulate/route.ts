import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { applicationSettingsOf } from "@/lib/applications/application-settings";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { simulateWorkflowSchema } from "@/lib/workflows/console-schemas";
import { graphErrorResponse } from "@/lib/workflows/graph-error-response";
import { replayWorkflowSessions } from "@/lib/workflows/replay-workflow-sessions";
import { simulateWorkflowInputs } from "@/lib/workflows/simulate-workflow-inputs";

// POST /api/console/workflows/{id}/simulate – run the sent graph (or the draft) on sample inputs, or replay the latest finished sessions; creates nothing
export const POST = withConsoleSession("admin", async (req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, simulateWorkflowSchema);
  const app = await getConsoleApplication();
  const defaults = applicationSettingsOf(app);
  try {
    const result = body.inputs
      ? await simulateWorkflowInputs(getDb(), { applicationId: app.id, id, graph: body.graph, inputs: body.inputs, defaults })
      : await replayWorkflowSessions(getDb(), { applicationId: app.id, id, graph: body.graph, limit: body.replay?.limit ?? 50, defaults });
    return NextResponse.json(result);
  } catch (error) {
    return graphErrorResponse(error);
  }
});
