import type { Db } from "@/lib/db";
import { describeCaseReview, reasonLabelsOf } from "@/lib/console/describe-case-review";
import { describeCheck } from "@/lib/console/describe-check";
import { buildCaseTimeline, loadCase } from "@/lib/console/get-case-timeline";
import { loadReportImages } from "@/lib/reports/load-report-images";
import { describeSessionModels } from "@/lib/reports/session-report-models";

// checks and decisions listed in their own sections (the timeline has its own bound)
const MAX_ENTRIES = 200;

// Everything the case PDF states, read in one place: the header, images, checks with their thresholds
// and warnings, the models behind the scores, the decisions and the whole timeline. No capture token,
// session URL or device key: a report is read by people outside the team. Null for a foreign id.
export async function getSessionReport(db: Db, input: { applicationId: string; sessionId: string }) {
  const s = await loadCase(db, input);
  if (!s) return null;
  const checks = s.checks.slice(0, MAX_ENTRIES);
  const reviews = s.reviews.filter((r) => r.action !== "comment").slice(0, MAX_ENTRIES);
  const [{ entries: timeline, reviewer }, images, models] = await Promise.all([
    buildCaseTimeline(db, s),
    loadReportImages(db, { session: s, checks }),
    describeSessionModels(db, { sessionId: s.id, referenceTemplateId: s.referenceTemplateId, hasLiveness: checks.some((c) => c.feature === "LIVENESS") }),
  ]);
  const reasonLabels = reasonLabelsOf(s.application.reasonCodes);
  return {
    application: s.application.name,
    id: s.id,
    sessionNumber: s.sessionNumber,
    vendorData: s.vendorData,
    workflow: `${s.workflow.label}${s.workflowVersion ? ` v${s.workflowVersion.version}` : " (unpublished)"}`,
    workflowType: s.workflowType === "biometric_authentication" ? "re-authentication" : "verification",
    status: s.status,
    createdAt: s.createdAt,
    startedAt: s.startedAt,
    decidedAt: s.decidedAt,
    assignedTo: s.assignedTo?.email ?? null,
    images,
    checks: checks.map((c) => ({ attempt: c.attempt, createdAt: c.createdAt, ...describeCheck({ check: c, graph: s.workflowVersion?.graph, app: s.application }) })),
    models,
    decisions: reviews.map((r) => ({
      at: r.createdAt,
      by: reviewer(r.userId),
      ...describeCaseReview({ review: r, reviews, reasonLabels, names: new Map(), reviewer }),
    })),
    timeline,
  };
}
export type SessionReport = NonNullable<Awaited<ReturnType<typeof getSessionReport>>>;
