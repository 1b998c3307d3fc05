import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { withApiKey } from "@/lib/auth/with-api-key";
import { admitCheck } from "@/lib/checks/admit-check";
import { runFaceMatch } from "@/lib/checks/run-face-match";

export const dynamic = "force-dynamic";

// POST /v3/face-match/ – compare two faces (multipart: source_image|user_image, target_image|ref_image)
export const POST = withApiKey(async (req, ctx) =>
  admitCheck(async () => {
    const form = await readMultipartForm(req);
    return NextResponse.json(await runFaceMatch(form, { applicationId: ctx.application.id, apiKeyId: ctx.apiKeyId, settings: ctx.settings }));
  }),
);

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
