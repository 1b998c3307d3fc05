import { NextResponse, type NextRequest } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import type { ConsoleUser } from "@/lib/auth/get-console-user";
import { hasRole } from "@/lib/auth/roles";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { assignReviewCase } from "@/lib/review/assign-review-case";

function handle(assign: boolean) {
  return async (_req: NextRequest, user: ConsoleUser, route: { params: Promise<Record<string, string | string[]>> }) => {
    const { id } = (await route.params) as { id: string };
    const app = await getConsoleApplication();
    const result = await assignReviewCase(getDb(), { applicationId: app.id, sessionId: id, userId: user.id, assign, isAdmin: hasRole(user.role, "admin"), actor: { type: "user", id: user.id, label: user.email } });
    return NextResponse.json(result);
  };
}

// POST /api/console/sessions/{id}/assignment – take an In Review case (reviewer; 409 when someone else holds it)
export const POST = withConsoleSession("reviewer", handle(true));

// DELETE /api/console/sessions/{id}/assignment – release a case I hold (admins may release any)
export const DELETE = withConsoleSession("reviewer", handle(false));
