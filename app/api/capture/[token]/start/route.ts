import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { readOrMintDeviceId, withDeviceCookie } from "@/lib/capture/capture-response";
import { getCaptureState } from "@/lib/capture/get-capture-state";
import { startCaptureSchema } from "@/lib/capture/schemas";
import { startCapture } from "@/lib/capture/start-capture";
import { getClientIp } from "@/lib/ip/client-ip";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

export const dynamic = "force-dynamic";

// POST /api/capture/{token}/start – begin the capture: step-up decision and the first challenge; with
// `avoid_flashing`, also the person's choice of the head-turn check over flashing colours
export const POST = withRequestMetrics(async (req: NextRequest, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const { token } = await ctx.params;
    // a body is optional: without the device key's proof the device simply counts as new
    const body = req.headers.get("content-type")?.includes("json") ? await parseJsonBody(req, startCaptureSchema) : {};
    const deviceKey = body.device_key ? { publicKey: body.device_key.public_key, signature: body.device_key.signature } : null;
    const device = readOrMintDeviceId(req);
    const session = await startCapture({ token, deviceId: device.deviceId, deviceKey, ip: getClientIp(req.headers), userAgent: req.headers.get("user-agent"), avoidFlashing: body.avoid_flashing });
    return withDeviceCookie(NextResponse.json(await getCaptureState(session, token, req.headers.get("accept-language"))), device);
  } catch (error) {
    return handleApiError(error);
  }
});
