import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { deleteFaceList } from "@/lib/lists/delete-face-list";

// DELETE /api/console/lists/{id} – delete a list with its faces (admin; 409 for the built-in blocklist)
export const DELETE = withConsoleSession("admin", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  await deleteFaceList(getDb(), { applicationId: app.id, listId: id, actor: { type: "user", id: user.id, label: user.email } });
  return new Response(null, { status: 204 });
});
