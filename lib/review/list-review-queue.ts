import type { Db, Prisma } from "@/lib/db";
import { resolveCheckThresholds } from "@/lib/console/resolve-check-thresholds";
import { QUEUE_PAGE_SIZE, type QueueQuery } from "@/lib/review/queue-filters";
import { queueOrder, queueWhere } from "@/lib/review/queue-where";
import type { Warning } from "@/lib/verification/warnings";
import { describeDecidedBy, readDecidedBy } from "@/lib/workflows/describe-decided-by";

const describeStoredDecision = (value: unknown) => {
  const decidedBy = readDecidedBy(value);
  return decidedBy ? describeDecidedBy(decidedBy) : null;
};

const include = {
  application: { select: { faceMatchReviewThreshold: true, faceMatchDeclineThreshold: true, livenessReviewThreshold: true, livenessDeclineThreshold: true } },
  workflow: { select: { id: true, label: true } },
  workflowVersion: { select: { graph: true } },
  assignedTo: { select: { id: true, email: true } },
  checks: { orderBy: { createdAt: "asc" as const } },
};

// A page of the queue (most urgent first, filtered as in the address) with what a reviewer needs to
// decide each case: the scores against their thresholds, every warning, why it is in review, its
// deadline and priority, and who holds it (its images come from /sessions/{id}/evidence, case by case).
// `case` also returns that case when it is In Review but not on this page, so a link from a session page
// always opens the case it names.
export async function listReviewQueue(db: Db, input: { applicationId: string; userId: string; query: Omit<QueueQuery, "day_start">; now?: Date }) {
  const now = input.now ?? new Date();
  const { page, case: caseId, ...filters } = input.query;
  const where = queueWhere({ applicationId: input.applicationId, filters, userId: input.userId, now });
  const [total, rows] = await Promise.all([
    db.verificationSession.count({ where }),
    db.verificationSession.findMany({ where, orderBy: queueOrder, take: QUEUE_PAGE_SIZE, skip: (page - 1) * QUEUE_PAGE_SIZE, include }),
  ]);
  const opened =
    caseId && !rows.some((r) => r.id === caseId) ? await db.verificationSession.findFirst({ where: { id: caseId, applicationId: input.applicationId, status: "In Review" }, include }) : null;
  return { total, page, pageSize: QUEUE_PAGE_SIZE, cases: rows.map((s) => reviewCase(s, now)), opened: opened ? reviewCase(opened, now) : null };
}

function reviewCase(s: Prisma.VerificationSessionGetPayload<{ include: typeof include }>, now: Date) {
  const latest = (feature: string) => s.checks.filter((c) => c.feature === feature).at(-1);
  const scored = (feature: string) => {
    const c = latest(feature);
    if (!c) return null;
    return { status: c.status, score: c.score, method: c.method, thresholds: resolveCheckThresholds({ graph: s.workflowVersion?.graph, app: s.application, feature, data: c.data }).thresholds };
  };
  const lastOfEach = [...new Set(s.checks.map((c) => c.feature))].map((f) => latest(f)!);
  return {
    id: s.id,
    sessionNumber: s.sessionNumber,
    vendorData: s.vendorData,
    workflow: s.workflow.label,
    workflowId: s.workflow.id,
    workflowType: s.workflowType,
    createdAt: s.createdAt.toISOString(),
    inReviewSince: (s.decidedAt ?? s.createdAt).toISOString(),
    reasons: (s.reviewReasons ?? "").split(",").filter(Boolean),
    dueAt: s.reviewDueAt?.toISOString() ?? null,
    overdue: s.reviewDueAt !== null && s.reviewDueAt < now,
    priority: s.priority,
    awaitingSecondReview: s.pendingReviewId !== null,
    assignee: s.assignedTo,
    assignedAt: s.assignedAt?.toISOString() ?? null,
    faceMatch: scored("FACE_MATCH"),
    liveness: scored("LIVENESS"),
    checks: lastOfEach.map((c) => ({ feature: c.feature, status: c.status })),
    decidedBy: describeStoredDecision(s.decidedBy),
    warnings: lastOfEach.flatMap((c) => ((c.warnings ?? []) as Warning[]).map((w) => ({ ...w, feature: c.feature }))),
  };
}

export type ReviewQueuePage = Awaited<ReturnType<typeof listReviewQueue>>;
export type ReviewCase = ReviewQueuePage["cases"][number];
