import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { reviewCommentSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";
import { findMentions } from "@/lib/review/find-mentions";
import { reviewSession } from "@/lib/sessions/review-session";

// POST /api/console/sessions/{id}/comments – add a reviewer note to a session, "@email" mentions console users (audited, no status change)
export const POST = withConsoleSession("reviewer", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const { comment } = await parseJsonBody(req, reviewCommentSchema);
  const app = await getConsoleApplication();
  const db = getDb();
  const mentions = await findMentions(db, comment);
  await reviewSession(db, { applicationId: app.id, sessionId: id, comment, newStatus: null, mentions: mentions.map((u) => u.id), userId: user.id, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json({ ok: true }, { status: 201 });
});
