import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { exportSessionPdf, pdfResponse } from "@/lib/reports/export-session-pdf";

// GET /api/console/sessions/{id}/pdf – download the case PDF (any console role: it shows what the
// session page shows; each export is audited)
export const GET = withConsoleSession("viewer", async (_req, user, route) => {
  const { id } = (await route.params) as { id: string };
  const app = await getConsoleApplication();
  return pdfResponse(await exportSessionPdf(getDb(), { applicationId: app.id, sessionId: id, actor: { type: "user", id: user.id, label: user.email }, exportedBy: user.email, via: "console" }));
});
