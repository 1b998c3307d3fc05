import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { updateUserSchema } from "@/lib/users/schemas";
import { updateConsoleUser } from "@/lib/users/update-console-user";

// PATCH /api/console/users/{id} – change role, password or disable (admin)
export const PATCH = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const changes = await parseJsonBody(req, updateUserSchema);
  const updated = await updateConsoleUser(getDb(), { id, changes, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(updated);
});
