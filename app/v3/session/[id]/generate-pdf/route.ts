import { methodNotAllowed } from "@/lib/api/method-not-allowed";
import { withApiKey } from "@/lib/auth/with-api-key";
import { getDb } from "@/lib/db";
import { exportSessionPdf, pdfResponse } from "@/lib/reports/export-session-pdf";

export const dynamic = "force-dynamic";

// GET /v3/session/{id}/generate-pdf/ – the session as a PDF report (images, checks, decisions, timeline)
export const GET = withApiKey(async (_req, ctx, route) => {
  const { id } = (await route.params) as { id: string };
  const db = getDb();
  const key = await db.apiKey.findUnique({ where: { id: ctx.apiKeyId }, select: { name: true } });
  const exportedBy = `API key "${key?.name ?? ctx.apiKeyId}"`;
  return pdfResponse(await exportSessionPdf(db, { applicationId: ctx.application.id, sessionId: id, actor: { type: "api_key", id: ctx.apiKeyId, label: key?.name ?? null }, exportedBy, via: "api" }));
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
