import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { sendTestWebhook } from "@/lib/webhooks/send-test-webhook";

// POST /v3/webhook/destinations/{id}/test/ – queue a signed test event to this destination (202)
export const POST = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  return NextResponse.json(await sendTestWebhook(getDb(), { applicationId: ctx.application.id, id }), { status: 202 });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
