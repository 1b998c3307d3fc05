import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { removeListEntry } from "@/lib/lists/remove-list-entry";

// DELETE /api/console/lists/{id}/entries/{entryId} – remove a face (template and image) from a list (admin)
export const DELETE = withConsoleSession("admin", async (_req, user, route) => {
  const { id, entryId } = (await route.params) as { id: string; entryId: string };
  const app = await getConsoleApplication();
  await removeListEntry(getDb(), { applicationId: app.id, listId: id, entryId, actor: { type: "user", id: user.id, label: user.email } });
  return new Response(null, { status: 204 });
});
