import { NextResponse } from "next/server";
import { getConsoleApplication } from "@/lib/applications/get-console-application";
import { withConsoleSession } from "@/lib/auth/with-console-session";
import { getScoreDistribution } from "@/lib/console/get-score-distribution";
import { whatIfQuerySchema } from "@/lib/console/schemas";
import { simulateThresholds } from "@/lib/console/simulate-thresholds";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// GET /api/console/tuning/what-if – what recent sessions would have become with other application
// defaults (?fm_review=&fm_decline=&lv_review=&lv_decline=, each defaulting to the saved value); checks
// under a workflow's own thresholds keep them. The tuning page computes the same in the browser.
export const GET = withConsoleSession("viewer", async (req) => {
  const parsed = whatIfQuerySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("validation_error", `${issue.path.join(".")}: ${issue.message}`, { field: issue.path.join(".") });
  }
  const q = parsed.data;
  const app = await getConsoleApplication();
  const dist = await getScoreDistribution(getDb(), { applicationId: app.id });
  const faceMatchBand = { review: q.fm_review ?? app.faceMatchReviewThreshold, decline: q.fm_decline ?? app.faceMatchDeclineThreshold };
  const livenessBand = { review: q.lv_review ?? app.livenessReviewThreshold, decline: q.lv_decline ?? app.livenessDeclineThreshold };
  const result = simulateThresholds({ faceMatch: dist.faceMatch, liveness: dist.liveness, faceMatchBand, livenessBand });
  const pinned = [...dist.faceMatch, ...dist.liveness].filter((s) => s.own).length;
  return NextResponse.json({ window_days: dist.windowDays, face_match_band: faceMatchBand, liveness_band: livenessBand, checks_under_workflow_thresholds: pinned, ...result });
});
