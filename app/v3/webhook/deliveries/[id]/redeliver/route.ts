import { NextResponse } from "next/server";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

// POST /v3/webhook/deliveries/{id}/redeliver/ – replay a delivery (same delivery id) with fresh retries
export const POST = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  return NextResponse.json(await redeliverWebhook(getDb(), { deliveryId: id, applicationId: ctx.application.id }), { status: 202 });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
