import type { Db, Prisma } from "@/lib/db";
import { describeCaseReview, mentionedUserIds, reasonLabelsOf } from "@/lib/console/describe-case-review";
import { describeCheck, featureNames } from "@/lib/console/describe-check";
import { parseActorTag, resolveActorNames, type ActorRef } from "@/lib/console/resolve-actor-names";

export type CaseTimelineKind = "created" | "started" | "attempt" | "check" | "status" | "assignment" | "note" | "decision" | "webhook" | "audit";
export type CaseTimelineEntry = { id: string; at: string; kind: CaseTimelineKind; title: string; actor: string | null; status: string | null; fromStatus: string | null; lines: string[] };

// Audit actions already shown through the Review row they were written with.
const REVIEW_AUDITS = /^session\.(approve|decline|comment|resubmi|reopen|escalat|confirm|reject)/;
const ASSIGNMENT_AUDITS = /^session\.(assigned|unassigned|reassigned|released)$/;
// entries of one instant keep the order things happen in
const rank: Record<CaseTimelineKind, number> = { created: 0, started: 1, attempt: 2, check: 3, status: 4, decision: 5, note: 6, assignment: 7, audit: 8, webhook: 9 };
const LIMIT = 500;
const AUDIT_TITLES: Record<string, string> = {
  "session.assigned": "Assigned",
  "session.unassigned": "Assignment released",
  "session.exported": "Case exported",
  "capture.flashing_avoided": "Flashing light avoided at the person's request: head-turn check instead",
};

const detailLines = (details: unknown) =>
  Object.entries((details ?? {}) as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== "")
    .map(([k, v]) => `${k}: ${typeof v === "object" ? JSON.stringify(v) : String(v)}`);

const caseInclude = {
  application: { select: { name: true, reasonCodes: true, faceMatchReviewThreshold: true, faceMatchDeclineThreshold: true, livenessReviewThreshold: true, livenessDeclineThreshold: true } },
  workflow: { select: { label: true } },
  workflowVersion: { select: { version: true, graph: true } },
  assignedTo: { select: { email: true } },
  checks: { orderBy: { createdAt: "asc" as const }, take: LIMIT },
  events: { orderBy: { createdAt: "asc" as const }, take: LIMIT },
  reviews: { orderBy: { createdAt: "asc" as const }, take: LIMIT },
};
export type CaseRecord = Prisma.VerificationSessionGetPayload<{ include: typeof caseInclude }>;

// The case with everything its timeline (and the PDF built on it) reads. Null when the session is not
// this application's.
export function loadCase(db: Db, input: { applicationId: string; sessionId: string }): Promise<CaseRecord | null> {
  return db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, include: caseInclude });
}

// The whole life of a case in time order, with who did each thing: creation, capture start, every
// attempt and check, status changes, assignment, notes, decisions (reason, customer comment, four-eyes)
// and every webhook delivery about it. Null when the session is not this application's.
export async function getCaseTimeline(db: Db, input: { applicationId: string; sessionId: string }): Promise<CaseTimelineEntry[] | null> {
  const s = await loadCase(db, input);
  return s ? (await buildCaseTimeline(db, s)).entries : null;
}

// The timeline of a loaded case, and how it names a reviewer (a console user, or "API").
export async function buildCaseTimeline(db: Db, s: CaseRecord): Promise<{ entries: CaseTimelineEntry[]; reviewer: (userId: string | null) => string }> {
  const [audits, deliveries] = await Promise.all([
    db.auditLog.findMany({ where: { applicationId: s.applicationId, targetType: "session", targetId: s.id }, orderBy: { createdAt: "asc" }, take: LIMIT }),
    db.webhookDelivery.findMany({
      where: { event: { sessionId: s.id, applicationId: s.applicationId } },
      orderBy: { createdAt: "asc" },
      take: LIMIT,
      include: { destination: { select: { label: true } }, event: { select: { type: true, payload: true } } },
    }),
  ]);
  const mentioned = s.reviews.flatMap((r) => mentionedUserIds(r.mentions));
  const actors: ActorRef[] = [
    ...s.events.map((e) => parseActorTag(e.actor)),
    ...s.reviews.filter((r) => r.userId).map((r) => ({ type: "user", id: r.userId })),
    ...mentioned.map((id) => ({ type: "user", id })),
    ...audits.map((a) => ({ type: a.actorType, id: a.actorId, label: a.actorLabel })),
  ];
  const nameOf = await resolveActorNames(db, { applicationId: s.applicationId, actors });
  const reviewer = (userId: string | null) => (userId ? nameOf({ type: "user", id: userId }) : "API");
  const names = new Map(mentioned.map((id) => [id, nameOf({ type: "user", id })]));
  const reasonLabels = reasonLabelsOf(s.application.reasonCodes);
  const entries: CaseTimelineEntry[] = [];
  const add = (e: Omit<CaseTimelineEntry, "at" | "status" | "fromStatus" | "actor"> & { at: Date; status?: string | null; fromStatus?: string | null; actor?: string | null }) =>
    entries.push({ ...e, at: e.at.toISOString(), status: e.status ?? null, fromStatus: e.fromStatus ?? null, actor: e.actor ?? null });

  for (const e of s.events) {
    const actor = nameOf(parseActorTag(e.actor));
    if (e.fromStatus === null) {
      const lines = [`Workflow ${s.workflow.label}${s.workflowVersion ? ` v${s.workflowVersion.version}` : ""}`, ...(s.vendorData ? [`vendor_data ${s.vendorData}`] : [])];
      add({ id: e.id, at: e.createdAt, kind: "created", title: "Session created", actor, status: e.toStatus, lines });
    } else add({ id: e.id, at: e.createdAt, kind: "status", title: `Status ${e.fromStatus} → ${e.toStatus}`, actor, status: e.toStatus, fromStatus: e.fromStatus, lines: e.reason ? [e.reason] : [] });
  }
  if (s.startedAt) add({ id: `${s.id}:started`, at: s.startedAt, kind: "started", title: "Capture started", actor: "end user", lines: s.ip ? [`From IP ${s.ip}`] : [] });
  const attempts = new Map<number, Date>();
  for (const c of s.checks) if (c.mediaIds || c.method) attempts.set(c.attempt, attempts.get(c.attempt) ?? c.createdAt);
  for (const [attempt, at] of attempts) {
    const checks = s.checks.filter((c) => c.attempt === attempt && (c.mediaIds || c.method));
    const images = new Set(checks.flatMap((c) => Object.values((c.mediaIds ?? {}) as Record<string, string>))).size;
    const lines = [`${checks.map((c) => featureNames[c.feature] ?? c.feature).join(", ")} on this capture`, images ? `${images === 1 ? "Its image is" : `${images} images are`} kept with the case` : "No image kept"];
    add({ id: `${s.id}:attempt:${attempt}`, at, kind: "attempt", title: `Attempt ${attempt}: selfie submitted`, actor: "end user", lines });
  }
  for (const c of s.checks) {
    const d = describeCheck({ check: c, graph: s.workflowVersion?.graph, app: s.application });
    add({ id: c.id, at: c.createdAt, kind: "check", title: `${d.title} (attempt ${c.attempt})`, actor: "system", status: c.status, lines: d.lines });
  }
  for (const r of s.reviews) {
    const d = describeCaseReview({ review: r, reviews: s.reviews, reasonLabels, names, reviewer });
    add({ id: r.id, at: r.createdAt, kind: d.kind, title: d.title, actor: reviewer(r.userId), status: r.pending ? null : r.newStatus, lines: d.lines });
  }
  for (const a of audits) {
    if (REVIEW_AUDITS.test(a.action)) continue;
    const assignment = ASSIGNMENT_AUDITS.test(a.action);
    const title = AUDIT_TITLES[a.action] ?? a.action;
    add({ id: a.id, at: a.createdAt, kind: assignment ? "assignment" : "audit", title, actor: nameOf({ type: a.actorType, id: a.actorId, label: a.actorLabel }), lines: detailLines(a.details) });
  }
  for (const d of deliveries) {
    const sent = String((d.event.payload as { status?: string } | null)?.status ?? "");
    const lines = [`${d.status}, ${d.attempts} attempt${d.attempts === 1 ? "" : "s"}${d.lastStatusCode ? `, last HTTP ${d.lastStatusCode}` : ""}`, ...(d.lastError ? [d.lastError] : [])];
    add({ id: d.id, at: d.createdAt, kind: "webhook", title: `Webhook ${d.event.type}${sent ? ` (${sent})` : ""} to ${d.destination.label}`, actor: "system", status: null, lines });
  }
  return { entries: entries.sort((x, y) => x.at.localeCompare(y.at) || rank[x.kind] - rank[y.kind]), reviewer };
}
