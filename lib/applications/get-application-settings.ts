import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

// Per-application defaults the checks apply unless a request overrides them.
export async function getApplicationSettings(applicationId: string) {
  const app = await getDb().application.findUnique({ where: { id: applicationId } });
  if (!app) throw new AppError("unauthorized", "The application of this API key no longer exists.");
  return {
    faceMatch: { review: app.faceMatchReviewThreshold, decline: app.faceMatchDeclineThreshold },
    liveness: { review: app.livenessReviewThreshold, decline: app.livenessDeclineThreshold },
    retentionDays: app.retentionDays,
    saveApiRequests: app.saveApiRequests,
  };
}
