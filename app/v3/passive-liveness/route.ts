import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { MAX_ONE_IMAGE_MULTIPART_BYTES } from "@/lib/api/read-multipart-form";
import { withApiKey } from "@/lib/auth/with-api-key";
import { admitUploadedCheck } from "@/lib/checks/admit-check";
import { runPassiveLiveness } from "@/lib/checks/run-passive-liveness";

export const dynamic = "force-dynamic";

// POST /v3/passive-liveness/ – single-frame liveness of user_image (multipart)
// The body is received first, under the upload limits; only then does the check take a slot.
export const POST = withApiKey(async (req, ctx) => {
  const applicationId = ctx.application.id;
  return admitUploadedCheck(req, { applicationId, max: MAX_ONE_IMAGE_MULTIPART_BYTES }, async (form) => NextResponse.json(await runPassiveLiveness(form, { applicationId, apiKeyId: ctx.apiKeyId, settings: ctx.settings })));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
