import { NextResponse } from "next/server";
import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { withApiKey } from "@/lib/auth/with-api-key";
import { admitCheck } from "@/lib/checks/admit-check";
import { runFaceSearch } from "@/lib/checks/run-face-search";

export const dynamic = "force-dynamic";

// POST /v3/face-search/ – 1:N search of user_image among this application's enrolled faces (multipart)
export const POST = withApiKey(async (req, ctx) =>
  admitCheck(async () => {
    const form = await readMultipartForm(req, 6 * 1024 * 1024);
    return NextResponse.json(await runFaceSearch(form, { applicationId: ctx.application.id, apiKeyId: ctx.apiKeyId, settings: ctx.settings }));
  }),
);

export const GET = methodNotAllowed(["POST"]);
export const PUT = GET;
export const PATCH = GET;
export const DELETE = GET;
