import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { revokeApiKey } from "@/lib/auth/api-keys";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// DELETE /api/console/api-keys/{id} – revoke a key; requests with it get 401 from then on
export const DELETE = withConsoleSession("admin", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  const db = getDb();
  if (!(await revokeApiKey(db, { applicationId: app.id, id }))) throw new AppError("not_found", "No active API key with this id.");
  await recordAudit(db, { actor: { type: "user", id: user.id, label: user.email }, applicationId: app.id, action: "api_key.revoked", targetType: "api_key", targetId: id });
  return new NextResponse(null, { status: 204 });
});
