import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

// POST /api/console/webhooks/deliveries/{id}/redeliver – queue a delivery again, same delivery id (admin)
export const POST = withConsoleSession("admin", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await redeliverWebhook(getDb(), { deliveryId: id, applicationId: app.id }), { status: 202 });
});
