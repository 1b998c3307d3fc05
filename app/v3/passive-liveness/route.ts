import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { withApiKey } from "@/lib/auth/with-api-key";
import { admitCheck } from "@/lib/checks/admit-check";
import { runPassiveLiveness } from "@/lib/checks/run-passive-liveness";

export const dynamic = "force-dynamic";

// POST /v3/passive-liveness/ – single-frame liveness of user_image (multipart)
export const POST = withApiKey(async (req, ctx) =>
  admitCheck(async () => {
    const form = await readMultipartForm(req, 6 * 1024 * 1024);
    return NextResponse.json(await runPassiveLiveness(form, { applicationId: ctx.application.id, apiKeyId: ctx.apiKeyId, settings: ctx.settings }));
  }),
);

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
