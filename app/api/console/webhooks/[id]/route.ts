import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { deleteDestination } from "@/lib/webhooks/delete-destination";
import { updateDestinationSchema } from "@/lib/webhooks/schemas";
import { updateDestination } from "@/lib/webhooks/update-destination";

// PATCH /api/console/webhooks/{id} – enable/disable or edit a destination (admin, audited)
export const PATCH = withConsoleSession("admin", async (req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const data = await parseJsonBody(req, updateDestinationSchema);
  const app = await getConsoleApplication();
  return NextResponse.json(await updateDestination(getDb(), { applicationId: app.id, id, data, actor: { type: "user", id: user.id, label: user.email } }));
});

// DELETE /api/console/webhooks/{id} – delete a destination and its pending deliveries (admin, audited)
export const DELETE = withConsoleSession("admin", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  await deleteDestination(getDb(), { applicationId: app.id, id, actor: { type: "user", id: user.id, label: user.email } });
  return new Response(null, { status: 204 });
});
