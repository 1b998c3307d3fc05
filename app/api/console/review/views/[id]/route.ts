import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { hasRole } from "@/lib/auth/roles";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { deleteSavedView } from "@/lib/review/saved-views";

// DELETE /api/console/review/views/{id} – delete a saved view (its owner, or an admin)
export const DELETE = withConsoleSession("viewer", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  await deleteSavedView(getDb(), { applicationId: app.id, viewId: id, userId: user.id, isAdmin: hasRole(user.role, "admin"), actor: { type: "user", id: user.id, label: user.email } });
  return new NextResponse(null, { status: 204 });
});
