import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { publishWorkflowSchema } from "@/lib/workflows/console-schemas";
import { graphErrorResponse } from "@/lib/workflows/graph-error-response";
import { publishWorkflowDraft } from "@/lib/workflows/publish-workflow-draft";

// POST /api/console/workflows/{id}/publish – publish the sent graph (or the draft) as version + 1 with a note, to all or rollout_percent % of new sessions; 409 when nothing changed, 422 lists every problem
export const POST = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, publishWorkflowSchema);
  const app = await getConsoleApplication();
  try {
    const published = await publishWorkflowDraft(getDb(), {
      applicationId: app.id,
      id,
      graph: body.graph,
      note: body.note,
      rolloutPercent: body.rollout_percent,
      acknowledgeWarnings: body.acknowledge_warnings,
      actor: { type: "user", id: user.id, label: user.email },
      userId: user.id,
    });
    return NextResponse.json(published, { status: 201 });
  } catch (error) {
    return graphErrorResponse(error);
  }
});
