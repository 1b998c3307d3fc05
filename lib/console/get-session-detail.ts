import type { Db } from "@/lib/db";
import { resolveCheckThresholds } from "@/lib/console/resolve-check-thresholds";
import { readReasonCodes } from "@/lib/review/reason-codes";
import type { Warning } from "@/lib/verification/warnings";
import { describeDecidedBy, readDecidedBy } from "@/lib/workflows/describe-decided-by";

type GraphNode = { id: string; type: string; label?: string };
const nodeNames: Record<string, string> = { start: "Start", LIVENESS: "Liveness", FACE_MATCH: "Face match", IP_ANALYSIS: "IP analysis", DEVICE_CHECK: "Device check", FACE_LIST_CHECK: "Face lists", CONDITION: "Condition", AB_SPLIT: "A/B split", END_APPROVED: "Approved", END_DECLINED: "Declined", END_IN_REVIEW: "In Review" };

// Everything the session page shows, in one read: checks with their thresholds, reviews, and the webhook
// deliveries about this session (its images come from getCaseEvidence, its timeline from getCaseTimeline).
export async function getSessionDetail(db: Db, input: { applicationId: string; sessionId: string }) {
  const s = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    include: {
      application: { select: { faceMatchReviewThreshold: true, faceMatchDeclineThreshold: true, livenessReviewThreshold: true, livenessDeclineThreshold: true, reasonCodes: true } },
      workflow: { select: { id: true, label: true } },
      workflowVersion: { select: { version: true, graph: true } },
      assignedTo: { select: { id: true, email: true } },
      checks: { orderBy: { createdAt: "asc" } },
      reviews: { orderBy: { createdAt: "asc" }, include: { user: { select: { email: true } } } },
    },
  });
  if (!s) return null;
  const nodes = ((s.workflowVersion?.graph as { nodes?: GraphNode[] } | null)?.nodes ?? []) as GraphNode[];
  const mentioned = s.reviews.flatMap((r) => (Array.isArray(r.mentions) ? (r.mentions as string[]) : []));
  const decidedBy = readDecidedBy(s.decidedBy);
  const deciders = decidedBy?.rule === "reviewer" ? [decidedBy.reviewerId] : decidedBy?.rule === "second_review" ? [decidedBy.reviewerId, decidedBy.confirmedById] : [];
  const userIds = [...new Set([...mentioned, ...deciders].filter((id): id is string => Boolean(id)))];
  const reasons = readReasonCodes(s.application.reasonCodes);
  const [deliveries, actors] = await Promise.all([
    db.webhookDelivery.findMany({
      where: { event: { sessionId: s.id, applicationId: input.applicationId } },
      orderBy: { createdAt: "desc" },
      take: 50,
      include: { destination: { select: { label: true, url: true } }, event: { select: { type: true, payload: true } } },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } }),
  ]);
  return {
    id: s.id,
    sessionNumber: s.sessionNumber,
    status: s.status,
    vendorData: s.vendorData,
    workflowType: s.workflowType,
    workflow: { ...s.workflow, version: s.workflowVersion?.version ?? null },
    metadata: s.metadata,
    createdAt: s.createdAt,
    startedAt: s.startedAt,
    decidedAt: s.decidedAt,
    expiresAt: s.expiresAt,
    ip: s.ip,
    userAgent: s.userAgent,
    deviceIdHash: s.deviceIdHash,
    stepUp: s.stepUp as { action?: string; reason?: string; method?: string; signals?: Record<string, unknown>; avoid_flashing?: boolean } | null,
    pathTaken: (s.pathTaken as string[] | null) ?? [],
    decidedBy: decidedBy ? describeDecidedBy(decidedBy, Object.fromEntries(actors.map((u) => [u.id, u.email]))) : null,
    splitBranches: (s.splitBranches ?? "").split(",").filter(Boolean),
    pathLabels: Object.fromEntries(nodes.map((n) => [n.id, n.label ?? nodeNames[n.type] ?? n.type])),
    assignedTo: s.assignedTo,
    checks: s.checks.map((c) => {
      const { thresholds, source } = resolveCheckThresholds({ graph: s.workflowVersion?.graph, app: s.application, feature: c.feature, data: c.data });
      return {
        id: c.id,
        feature: c.feature,
        attempt: c.attempt,
        status: c.status,
        method: c.method,
        score: c.score,
        thresholds,
        thresholdSource: source,
        warnings: (c.warnings ?? []) as Warning[],
        data: (c.data ?? {}) as Record<string, unknown>,
        createdAt: c.createdAt,
      };
    }),
    reviews: s.reviews.map((r) => ({
      id: r.id,
      action: r.action,
      newStatus: r.newStatus,
      comment: r.comment,
      reasonCode: r.reasonCode,
      reason: reasons.find((c) => c.code === r.reasonCode)?.label ?? r.reasonCode,
      customerComment: r.customerComment,
      pending: r.pending,
      secondOfId: r.secondOfId,
      mentions: (Array.isArray(r.mentions) ? (r.mentions as string[]) : []).map((id) => actors.find((u) => u.id === id)?.email ?? "deleted user"),
      reviewer: r.user?.email ?? (r.userId ? "deleted user" : "API"),
      createdAt: r.createdAt,
    })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      destination: d.destination.label,
      url: d.destination.url,
      eventStatus: String((d.event.payload as { status?: string } | null)?.status ?? ""),
      status: d.status,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      deliveredAt: d.deliveredAt,
      createdAt: d.createdAt,
    })),
  };
}
export type SessionDetail = NonNullable<Awaited<ReturnType<typeof getSessionDetail>>>;
