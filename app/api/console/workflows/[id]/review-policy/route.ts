import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { getReviewPolicy, reviewPolicySchema, updateReviewPolicy } from "@/lib/review/review-policy";

// GET /api/console/workflows/{id}/review-policy – SLA, queue priority and four-eyes of a workflow's cases
export const GET = withConsoleSession("viewer", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await getReviewPolicy(getDb(), { applicationId: app.id, workflowId: id }));
});

// PATCH /api/console/workflows/{id}/review-policy – change them (admin, audited)
export const PATCH = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const changes = await parseJsonBody(req, reviewPolicySchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await updateReviewPolicy(getDb(), { applicationId: app.id, workflowId: id, changes, actor: { type: "user", id: user.id, label: user.email } }));
});
