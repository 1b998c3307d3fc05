import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { deleteDestination } from "@/lib/webhooks/delete-destination";
import { findDestinationOrThrow } from "@/lib/webhooks/find-destination-or-throw";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { updateDestinationSchema } from "@/lib/webhooks/schemas";
import { serializeDestination } from "@/lib/webhooks/serialize-destination";
import { updateDestination } from "@/lib/webhooks/update-destination";

type Params = { id: string };

// GET /v3/webhook/destinations/{id}/ – one destination (without its secret)
export const GET = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as Params;
  return NextResponse.json(serializeDestination(await findDestinationOrThrow(getDb(), { applicationId: ctx.application.id, id })));
});

// PATCH /v3/webhook/destinations/{id}/ – change label, url, enabled or subscribed_events
export const PATCH = withApiKey(async (req, ctx, route) => {
  const { id } = (await route.params) as Params;
  const data = await parseJsonBody(req, updateDestinationSchema);
  return NextResponse.json(await updateDestination(getDb(), { applicationId: ctx.application.id, id, actor: { type: "api_key", id: ctx.apiKeyId }, data }));
});

// DELETE /v3/webhook/destinations/{id}/ – remove it and its queued deliveries
export const DELETE = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as Params;
  await deleteDestination(getDb(), { applicationId: ctx.application.id, id, actor: { type: "api_key", id: ctx.apiKeyId } });
  return new NextResponse(null, { status: 204 });
});

const notAllowed = methodNotAllowed(["GET", "PATCH", "DELETE"]);
export { notAllowed as POST, notAllowed as PUT };
