import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { readOrMintDeviceId, withDeviceCookie } from "@/lib/capture/capture-response";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { getPageCaptureState } from "@/lib/capture/get-capture-state";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

export const dynamic = "force-dynamic";

// GET /api/capture/{token} – the hosted page's view of its session (polled to follow progress)
export const GET = withRequestMetrics(async (req: NextRequest, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const { token } = await ctx.params;
    const session = await findCaptureSessionOrThrow(token);
    return withDeviceCookie(NextResponse.json(await getPageCaptureState(session, token, req.headers.get("accept-language"))), readOrMintDeviceId(req));
  } catch (error) {
    return handleApiError(error);
  }
});
