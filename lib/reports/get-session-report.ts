import type { Db } from "@/lib/db";
import { describeCaseReview, reasonLabelsOf } from "@/lib/console/describe-case-review";
import { describeCheck } from "@/lib/console/describe-check";
import { getCaseTimeline } from "@/lib/console/get-case-timeline";
import { resolveActorNames } from "@/lib/console/resolve-actor-names";
import { loadReportImages } from "@/lib/reports/load-report-images";
import { describeSessionModels } from "@/lib/reports/session-report-models";

// Everything the case PDF states, read in one place: the header, images, checks with their thresholds
// and warnings, the models behind the scores, the decisions and the whole timeline. No capture token,
// session URL or device key: a report is read by people outside the team. Null for a foreign id.
export async function getSessionReport(db: Db, input: { applicationId: string; sessionId: string }) {
  const s = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    include: {
      application: { select: { name: true, reasonCodes: true, faceMatchReviewThreshold: true, faceMatchDeclineThreshold: true, livenessReviewThreshold: true, livenessDeclineThreshold: true } },
      workflow: { select: { label: true } },
      workflowVersion: { select: { version: true, graph: true } },
      assignedTo: { select: { email: true } },
      checks: { orderBy: { createdAt: "asc" }, take: 200 },
      reviews: { where: { action: { not: "comment" } }, orderBy: { createdAt: "asc" }, take: 200 },
    },
  });
  if (!s) return null;
  const [timeline, images, models, nameOf] = await Promise.all([
    getCaseTimeline(db, input),
    loadReportImages(db, { session: s, checks: s.checks }),
    describeSessionModels(db, { sessionId: s.id, referenceTemplateId: s.referenceTemplateId, hasLiveness: s.checks.some((c) => c.feature === "LIVENESS") }),
    resolveActorNames(db, { applicationId: input.applicationId, actors: s.reviews.map((r) => ({ type: "user", id: r.userId })) }),
  ]);
  const reviewer = (userId: string | null) => (userId ? nameOf({ type: "user", id: userId }) : "API");
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
    checks: s.checks.map((c) => ({ attempt: c.attempt, createdAt: c.createdAt, ...describeCheck({ check: c, graph: s.workflowVersion?.graph, app: s.application }) })),
    models,
    decisions: s.reviews.map((r) => ({
      at: r.createdAt,
      by: reviewer(r.userId),
      ...describeCaseReview({ review: r, reviews: s.reviews, reasonLabels, names: new Map(), reviewer }),
    })),
    timeline: timeline ?? [],
  };
}
export type SessionReport = NonNullable<Awaited<ReturnType<typeof getSessionReport>>>;
