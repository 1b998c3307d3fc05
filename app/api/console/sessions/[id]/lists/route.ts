import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { addCaseFaceSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { addSessionFaceToList } from "@/lib/lists/add-session-face-to-list";

// POST /api/console/sessions/{id}/lists – put this case's selfie on a blocklist or allowlist {listId, label?}
// (reviewer: blocking a fraudster is part of working the case; audited on the list and the session)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const body = await parseJsonBody(req, addCaseFaceSchema);
  const app = await getConsoleApplication();
  const entry = await addSessionFaceToList(getDb(), { applicationId: app.id, listId: body.listId, sessionId: id, label: body.label, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(entry, { status: 201 });
});
