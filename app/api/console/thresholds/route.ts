import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse-json-body";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { updateApplication } from "@/lib/applications/update-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { thresholdsSchema } from "@/lib/console/schemas";
import { getDb } from "@/lib/db";

// PATCH /api/console/thresholds – save face-match and liveness thresholds for new sessions (admin, audited)
export const PATCH = withConsoleSession("admin", async (req, user) => {
  const changes = await parseJsonBody(req, thresholdsSchema);
  const app = await getConsoleApplication();
  const updated = await updateApplication(getDb(), { id: app.id, changes, actor: { type: "user", id: user.id, label: user.email } });
  const { faceMatchReviewThreshold, faceMatchDeclineThreshold, livenessReviewThreshold, livenessDeclineThreshold } = updated;
  return NextResponse.json({ faceMatchReviewThreshold, faceMatchDeclineThreshold, livenessReviewThreshold, livenessDeclineThreshold });
});
