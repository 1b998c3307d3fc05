import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

// POST /api/console/webhooks/{id}/test – send a signed test event to this destination (admin)
export const POST = withConsoleSession("admin", async (_req, _user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return NextResponse.json(await sendTestWebhook(getDb(), { applicationId: app.id, id }), { status: 202 });
});
