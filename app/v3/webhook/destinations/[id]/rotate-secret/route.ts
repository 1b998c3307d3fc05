import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { rotateDestinationSecret } from "@/lib/webhooks/rotate-destination-secret";
import { rotateSecretSchema } from "@/lib/webhooks/schemas";

// POST /v3/webhook/destinations/{id}/rotate-secret/ – new secret_shared_key; the old one stays known for
// previous_secret_valid_hours (default 24). The body is optional.
export const POST = withApiKey(async (req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const hasBody = Number(req.headers.get("content-length") ?? 0) > 0 || req.headers.has("transfer-encoding");
  const options = hasBody ? await parseJsonBody(req, rotateSecretSchema) : rotateSecretSchema.parse(undefined);
  const rotated = await rotateDestinationSecret(getDb(), { applicationId: ctx.application.id, id, actor: { type: "api_key", id: ctx.apiKeyId }, graceHours: options.previous_secret_valid_hours });
  return NextResponse.json(rotated);
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
