import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { readOrMintDeviceId, withDeviceCookie } from "@/lib/capture/capture-response";
import { getCaptureState } from "@/lib/capture/get-capture-state";
import { startCapture } from "@/lib/capture/start-capture";
import { getClientIp } from "@/lib/ip/client-ip";

export const dynamic = "force-dynamic";

// POST /api/capture/{token}/start – begin the capture: step-up decision and the first challenge
export async function POST(req: NextRequest, ctx: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await ctx.params;
    const device = readOrMintDeviceId(req);
    const session = await startCapture({ token, deviceId: device.deviceId, ip: getClientIp(req.headers), userAgent: req.headers.get("user-agent") });
    return withDeviceCookie(NextResponse.json(await getCaptureState(session, token)), device);
  } catch (error) {
    return handleApiError(error);
  }
}
