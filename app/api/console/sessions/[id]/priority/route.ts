import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { casePrioritySchema, setCasePriority } from "@/lib/review/set-case-priority";

// PUT /api/console/sessions/{id}/priority – a case's queue priority ({priority: 0|1|2}; reviewer, audited)
export const PUT = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const { priority } = await parseJsonBody(req, casePrioritySchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await setCasePriority(getDb(), { applicationId: app.id, sessionId: id, priority, actor: { type: "user", id: user.id, label: user.email } }));
});
