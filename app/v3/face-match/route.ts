import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/auth/with-api-key";
import { admitUploadedCheck } from "@/lib/checks/admit-check";
import { runFaceMatch } from "@/lib/checks/run-face-match";

export const dynamic = "force-dynamic";

// POST /v3/face-match/ – compare two faces (multipart: source_image|user_image, target_image|ref_image)
// The body is received first, under the upload limits; only then does the check take a slot.
export const POST = withApiKey(async (req, ctx) => {
  const applicationId = ctx.application.id;
  return admitUploadedCheck(req, { applicationId }, async (form) => NextResponse.json(await runFaceMatch(form, { applicationId, apiKeyId: ctx.apiKeyId, settings: ctx.settings })));
});

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
