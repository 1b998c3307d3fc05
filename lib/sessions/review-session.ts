import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { Prisma, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { escalateReviewCase } from "@/lib/review/escalate-review-case";
import { needsSecondReview } from "@/lib/review/four-eyes";
import { readReasonCodes, resolveReasonOrThrow } from "@/lib/review/reason-codes";
import { changeSessionStatus, eventActor } from "@/lib/sessions/change-session-status";
import { sessionLinkTtlMs } from "@/lib/sessions/session-timing";
import type { DecidedBy } from "@/lib/workflows/derive-decided-by";

export type ManualStatus = "Approved" | "Declined" | "Resubmitted" | "In Review";

// Statuses each manual decision may start from. "In Review" re-opens a decided (or abandoned) case;
// "Resubmitted" hands the session back to the user for a new attempt.
const FROM: Record<ManualStatus, string[]> = {
  Approved: ["In Review", "Approved", "Declined", "In Progress", "Not Started", "Abandoned", "Resubmitted"],
  Declined: ["In Review", "Approved", "Declined", "In Progress", "Not Started", "Abandoned", "Resubmitted"],
  Resubmitted: ["In Review", "Declined"],
  "In Review": ["Approved", "Declined", "Abandoned", "Resubmitted"],
};
const ACTION: Record<ManualStatus, string> = { Approved: "approve", Declined: "decline", Resubmitted: "resubmit", "In Review": "reopen" };
const AUDIT: Record<ManualStatus, string> = { Approved: "session.approved", Declined: "session.declined", Resubmitted: "session.resubmission_requested", "In Review": "session.reopened" };

export type ReviewInput = {
  applicationId: string;
  sessionId: string;
  newStatus?: ManualStatus | null;
  // internal comment: reviewers and auditors only
  comment: string | null;
  reasonCode?: string | null;
  customerComment?: string | null;
  // re-open or escalate with a higher queue priority
  priority?: number | null;
  actor: AuditActor;
  // console decisions: the reviewer, whether they are an admin (assignment and four-eyes apply)
  userId?: string | null;
  isAdmin?: boolean;
  expectedStatus?: string;
  // console user ids a note mentions
  mentions?: string[];
};

/**
 * A manual decision (API update-status or reviews, console) or a plain comment: the Review row, the
 * status change with its webhook and effects, and the audit entry are one transaction. In the console
 * only the assignee or an admin decides (an unassigned case is taken by whoever decides it, in the same
 * conditional update), and a decision the workflow's four-eyes policy covers waits for a second
 * reviewer instead (returns { pending: true }).
 */
export async function reviewSession(db: Db, input: ReviewInput): Promise<{ pending: boolean }> {
  const session = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    select: { status: true, pendingReviewId: true, assignedToId: true, assignedTo: { select: { email: true } }, application: { select: { reasonCodes: true } } },
  });
  if (!session) throw new AppError("not_found", "No session with this id.");
  const to = input.newStatus ?? null;
  const byPerson = Boolean(input.userId);
  const reason = to && to !== "In Review" ? resolveReasonOrThrow(readReasonCodes(session.application.reasonCodes), { decision: to, code: input.reasonCode, required: byPerson }) : null;
  const review = { sessionId: input.sessionId, userId: input.userId ?? null, comment: input.comment ?? "", reasonCode: reason?.code ?? null, customerComment: input.customerComment || null, action: to ? ACTION[to] : "comment", newStatus: to };
  if (!to) {
    await db.$transaction(async (tx) => {
      await tx.review.create({ data: { ...review, mentions: input.mentions?.length ? input.mentions : undefined } });
      await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "session.commented", targetType: "session", targetId: input.sessionId, details: input.mentions?.length ? { mentions: input.mentions } : undefined });
    });
    return { pending: false };
  }
  if (to === "In Review" && session.status === "In Review") {
    if (!input.priority) throw new AppError("conflict", "The session is already In Review; send a priority (1 high, 2 urgent) to escalate it.");
    await escalateReviewCase(db, { applicationId: input.applicationId, sessionId: input.sessionId, priority: input.priority, comment: input.comment, userId: input.userId ?? null, actor: input.actor });
    return { pending: false };
  }
  if (session.status === to) throw new AppError("conflict", `The session is already ${session.status}.`);
  if (byPerson && !input.isAdmin && session.assignedToId && session.assignedToId !== input.userId) {
    throw new AppError("conflict", `This case is assigned to ${session.assignedTo?.email ?? "another reviewer"}; only they or an admin can decide it.`);
  }
  if (byPerson && session.pendingReviewId) throw new AppError("conflict", "This case is awaiting a second review: confirm or reject the first decision.");
  const guard = byPerson && !input.isAdmin ? { OR: [{ assignedToId: null }, { assignedToId: input.userId }] } : {};
  const audit = { actor: input.actor, applicationId: input.applicationId, targetType: "session", targetId: input.sessionId };
  const details = { from: session.status, to, reasonCode: review.reasonCode, comment: input.comment };

  if (byPerson && session.status === "In Review") {
    const pending = await db.$transaction(async (tx) => {
      if (!(await needsSecondReview(tx, { sessionId: input.sessionId, decision: to }))) return false;
      const first = await tx.review.create({ data: { ...review, pending: true } });
      const held = await tx.verificationSession.updateMany({ where: { ...guard, id: input.sessionId, status: "In Review", pendingReviewId: null }, data: { pendingReviewId: first.id, assignedToId: null, assignedAt: null } });
      if (held.count !== 1) throw new AppError("conflict", "Another reviewer acted on this case first.");
      await recordAudit(tx, { ...audit, action: "session.first_review", details });
      return true;
    });
    if (pending) return { pending: true };
  }
  const resubmit = to === "Resubmitted" ? { resubmissions: { increment: 1 }, expiresAt: new Date(Date.now() + sessionLinkTtlMs()), abandonAt: null, challenge: Prisma.DbNull } : {};
  await changeSessionStatus(db, {
    applicationId: input.applicationId,
    sessionId: input.sessionId,
    from: input.expectedStatus ? [input.expectedStatus] : FROM[to],
    to,
    actor: eventActor(input.actor),
    reason: input.comment || reason?.label || "manual decision",
    priority: input.priority ?? undefined,
    where: guard,
    data: { assignedToId: null, assignedAt: null, ...resubmit },
    apply: async (tx) => {
      const created = await tx.review.create({ data: review });
      const decidedBy: DecidedBy = { rule: "reviewer", status: to, reviewerId: input.userId ?? null, actor: eventActor(input.actor), reviewId: created.id };
      await tx.verificationSession.update({ where: { id: input.sessionId }, data: { decidedBy } });
      await recordAudit(tx, { ...audit, action: AUDIT[to], details });
    },
  });
  return { pending: false };
}
