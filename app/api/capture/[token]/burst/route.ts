import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { issueBurstNonce } from "@/lib/capture/issue-burst-nonce";
import { burstRequestSchema } from "@/lib/capture/schemas";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

export const dynamic = "force-dynamic";

// POST /api/capture/{token}/burst – a single-use nonce for the PASSIVE burst the page takes next
export const POST = withRequestMetrics(async (req: NextRequest, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const { token } = await ctx.params;
    const body = await parseJsonBody(req, burstRequestSchema);
    const ticket = await issueBurstNonce({ token, challengeId: body.challenge_id });
    return NextResponse.json(ticket, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
});
