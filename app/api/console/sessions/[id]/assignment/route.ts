import { NextResponse, type NextRequest } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import type { ConsoleUser } from "@/lib/auth/get-console-user";
import { hasRole } from "@/lib/auth/roles";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { assignReviewCase } from "@/lib/review/assign-review-case";
import { assignCaseSchema } from "@/lib/review/schemas";

function handle(assign: boolean) {
  return async (req: NextRequest, user: ConsoleUser, route: { params: Promise<Record<string, string | string[]>> }) => {
    const { id } = (await route.params) as { id: string };
    // the body is optional: without one the case is taken by (or released from) the caller
    const body = assign && req.headers.get("content-type")?.includes("json") ? await parseJsonBody(req, assignCaseSchema) : {};
    const app = await getConsoleApplication();
    const result = await assignReviewCase(getDb(), { applicationId: app.id, sessionId: id, userId: user.id, assign, assigneeId: body.userId ?? null, isAdmin: hasRole(user.role, "admin"), actor: { type: "user", id: user.id, label: user.email } });
    return NextResponse.json(result);
  };
}

// POST /api/console/sessions/{id}/assignment – take an In Review case, or hand it to {userId} (admins, or the holder; 409 when someone else holds it)
export const POST = withConsoleSession("reviewer", handle(true));

// DELETE /api/console/sessions/{id}/assignment – release a case I hold (admins may release any)
export const DELETE = withConsoleSession("reviewer", handle(false));
