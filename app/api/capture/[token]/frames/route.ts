import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { readMultipartForm } from "@/lib/api/read-multipart-form";
import { admitCheck } from "@/lib/checks/admit-check";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { getCaptureState } from "@/lib/capture/get-capture-state";
import { submitFrames } from "@/lib/capture/submit-frames";

export const dynamic = "force-dynamic";

// POST /api/capture/{token}/frames – the frames answering the current challenge (multipart)
export async function POST(req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  try {
    const receivedAt = Date.now();
    const { token } = await ctx.params;
    const form = await readMultipartForm(req, 16 * 1024 * 1024);
    const result = await admitCheck(() => submitFrames({ token, form, receivedAt }));
    const state = await getCaptureState(await findCaptureSessionOrThrow(token), token);
    return NextResponse.json({ ...result, state }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
}
