import { NextResponse, type NextRequest } from "next/server";
import { handleApiError } from "@/lib/api/error-response";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getCaptureState } from "@/lib/capture/get-capture-state";
import { captureLanguageSchema } from "@/lib/capture/schemas";
import { setCaptureLanguage } from "@/lib/capture/set-capture-language";
import { withRequestMetrics } from "@/lib/metrics/with-request-metrics";

export const dynamic = "force-dynamic";

// POST /api/capture/{token}/language – switch the hosted page's language (the session keeps it)
export const POST = withRequestMetrics(async (req: NextRequest, ctx: { params: Promise<{ token: string }> }) => {
  try {
    const { token } = await ctx.params;
    const { language } = await parseJsonBody(req, captureLanguageSchema);
    const session = await setCaptureLanguage({ token, language });
    return NextResponse.json(await getCaptureState(session, token, req.headers.get("accept-language")), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return handleApiError(error);
  }
});
