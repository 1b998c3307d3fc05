import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { updateApplicationSchema } from "@/lib/applications/schemas";
import { updateApplication } from "@/lib/applications/update-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getDb } from "@/lib/db";
import { readReasonCodes } from "@/lib/review/reason-codes";

function serialize(app: Awaited<ReturnType<typeof getConsoleApplication>>) {
  const { id, name, isSandbox, faceMatchReviewThreshold, faceMatchDeclineThreshold, livenessReviewThreshold, livenessDeclineThreshold, retentionDays, saveApiRequests, keepReferenceImages, defaultLanguage } = app;
  const embedOrigins = (app.embedOrigins ?? null) as string[] | null;
  // reasonCodes: the list in force; customReasonCodes: whether it is the team's own (false: the defaults)
  const decisions = { autoBlocklistDeclined: app.autoBlocklistDeclined, reasonCodes: readReasonCodes(app.reasonCodes), customReasonCodes: app.reasonCodes !== null };
  return { id, name, isSandbox, faceMatchReviewThreshold, faceMatchDeclineThreshold, livenessReviewThreshold, livenessDeclineThreshold, retentionDays, saveApiRequests, embedOrigins, keepReferenceImages, defaultLanguage, ...decisions };
}

// GET /api/console/application – the console's application and its defaults
export const GET = withConsoleSession("viewer", async () => NextResponse.json(serialize(await getConsoleApplication())));

// PATCH /api/console/application – change thresholds, retention, request logging, reference images, embedding origins, reason codes, auto-blocklist, hosted page default language (admin, audited)
export const PATCH = withConsoleSession("admin", async (req, user) => {
  const changes = await parseJsonBody(req, updateApplicationSchema);
  const app = await getConsoleApplication();
  const updated = await updateApplication(getDb(), { id: app.id, changes, actor: { type: "user", id: user.id, label: user.email } });
  return NextResponse.json(serialize(updated));
});
