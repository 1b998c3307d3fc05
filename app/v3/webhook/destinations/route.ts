import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { createDestination } from "@/lib/webhooks/create-destination";
import { listDestinations } from "@/lib/webhooks/list-destinations";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { createDestinationSchema } from "@/lib/webhooks/schemas";

// GET /v3/webhook/destinations/ – the application's destinations (never their secrets)
export const GET = withApiKey(async (_req, ctx) => NextResponse.json({ data: await listDestinations(getDb(), { applicationId: ctx.application.id }) }));

// POST /v3/webhook/destinations/ – register a destination; the response carries secret_shared_key once
export const POST = withApiKey(async (req, ctx) => {
  const data = await parseJsonBody(req, createDestinationSchema);
  const created = await createDestination(getDb(), { applicationId: ctx.application.id, actor: { type: "api_key", id: ctx.apiKeyId }, data });
  return NextResponse.json(created, { status: 201 });
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export { notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
