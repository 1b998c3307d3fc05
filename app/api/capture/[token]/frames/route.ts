import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { admitUploadedCheck } from "@/lib/checks/admit-check";
import { admitFramesUpload } from "@/lib/capture/admit-frames-upload";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { getCaptureState } from "@/lib/capture/get-capture-state";
import { submitFrames } from "@/lib/capture/submit-frames";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

export const dynamic = "force-dynamic";

const MAX_FRAMES_BODY_BYTES = 16 * 1024 * 1024;

// POST /api/capture/{token}/frames – the frames answering the current challenge (multipart)
export const POST = withRequestMetrics(async (req: NextRequest, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const receivedAt = Date.now();
    const { token } = await ctx.params;
    const admission = await admitFramesUpload(token);
    try {
      const result = await admitUploadedCheck(req, { applicationId: admission.applicationId, max: MAX_FRAMES_BODY_BYTES }, (form) => submitFrames({ token, form, receivedAt }));
      const state = await getCaptureState(await findCaptureSessionOrThrow(token), token, req.headers.get("accept-language"));
      return NextResponse.json({ ...result, state }, { headers: { "cache-control": "no-store" } });
    } finally {
      admission.release();
    }
  } catch (error) {
    return handleApiError(error);
  }
});
