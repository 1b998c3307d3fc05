import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { hasRole } from "@/lib/auth/roles";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { bulkAssignReviewCases, bulkAssignSchema } from "@/lib/review/bulk-assign-review-cases";

// POST /api/console/review/assignments – assign cases to me or a reviewer, or release them (reviewer);
// answers per case what happened
export const POST = withConsoleSession("reviewer", async (req, user) => {
  const body = await parseJsonBody(req, bulkAssignSchema);
  const app = await getConsoleApplication();
  const result = await bulkAssignReviewCases(getDb(), { ...body, applicationId: app.id, userId: user.id, isAdmin: hasRole(user.role, "admin"), actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(result);
});
