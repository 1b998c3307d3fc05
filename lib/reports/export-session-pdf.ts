import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSessionReport } from "@/lib/reports/get-session-report";
import { renderSessionPdf } from "@/lib/reports/render-session-pdf";

// The case PDF for the API and the console. Every export is audited: a report carries personal data out.
export async function exportSessionPdf(db: Db, input: { applicationId: string; sessionId: string; actor: AuditActor; exportedBy: string; via: "api" | "console" }) {
  const report = await getSessionReport(db, { applicationId: input.applicationId, sessionId: input.sessionId });
  if (!report) throw new AppError("not_found", "No session with this id.");
  const pdf = await renderSessionPdf(report, { exportedBy: input.exportedBy, generatedAt: new Date() });
  await recordAudit(db, { actor: input.actor, applicationId: input.applicationId, action: "session.exported", targetType: "session", targetId: report.id, details: { format: "pdf", via: input.via, bytes: pdf.byteLength } });
  return { pdf, filename: `session-${report.sessionNumber}-${report.id.slice(0, 8)}.pdf` };
}

export function pdfResponse(input: { pdf: Buffer; filename: string }): Response {
  return new Response(new Uint8Array(input.pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${input.filename}"`, "content-length": String(input.pdf.byteLength), "cache-control": "no-store" },
  });
}
