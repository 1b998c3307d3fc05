import type { Application } from "@/lib/generated/sqlite/client";

export type ApplicationSettings = ReturnType<typeof applicationSettingsOf>;

// Per-application defaults the checks apply unless a request or workflow overrides them. Derived from
// the application row the caller already has (the API key lookup, the capture session), never re-read.
export function applicationSettingsOf(app: Pick<Application, "faceMatchReviewThreshold" | "faceMatchDeclineThreshold" | "livenessReviewThreshold" | "livenessDeclineThreshold" | "retentionDays" | "saveApiRequests">) {
  return {
    faceMatch: { review: app.faceMatchReviewThreshold, decline: app.faceMatchDeclineThreshold },
    liveness: { review: app.livenessReviewThreshold, decline: app.livenessDeclineThreshold },
    retentionDays: app.retentionDays,
    saveApiRequests: app.saveApiRequests,
  };
}
