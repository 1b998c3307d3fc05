import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeSessionStatus, eventActor } from "@/lib/sessions/change-session-status";
import type { DecidedBy } from "@/lib/workflows/derive-decided-by";

// The second reviewer of a four-eyes decision: confirming applies the first reviewer's decision (with
// its reason and customer comment; both reviews stay on the case, linked by secondOfId), rejecting
// sends the case back to normal review. Nobody confirms or rejects their own first decision.
export async function settleSecondReview(db: Db, input: { applicationId: string; sessionId: string; confirm: boolean; comment: string | null; userId: string; actor: AuditActor }) {
  const session = await db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { status: true, pendingReviewId: true } });
  if (!session) throw new AppError("not_found", "No session with this id.");
  const first = session.pendingReviewId ? await db.review.findUnique({ where: { id: session.pendingReviewId } }) : null;
  if (!first || session.status !== "In Review" || !first.newStatus) throw new AppError("conflict", "This case is not awaiting a second review.");
  if (first.userId === input.userId) throw new AppError("forbidden", "You made the first decision: another reviewer has to confirm or reject it.");
  const second = { sessionId: input.sessionId, userId: input.userId, comment: input.comment ?? "", secondOfId: first.id, newStatus: input.confirm ? first.newStatus : null, action: input.confirm ? "confirm" : "reject" };
  const audit = { actor: input.actor, applicationId: input.applicationId, targetType: "session", targetId: input.sessionId, details: { firstReviewId: first.id, decision: first.newStatus, comment: input.comment } };
  if (!input.confirm) {
    await db.$transaction(async (tx) => {
      const cleared = await tx.verificationSession.updateMany({ where: { id: input.sessionId, status: "In Review", pendingReviewId: first.id }, data: { pendingReviewId: null } });
      if (cleared.count !== 1) throw new AppError("conflict", "Another reviewer settled this decision first.");
      await tx.review.update({ where: { id: first.id }, data: { pending: false } });
      await tx.review.create({ data: second });
      await recordAudit(tx, { ...audit, action: "session.second_review_rejected" });
    });
    return { status: "In Review" };
  }
  // the first review already exists: what decided the session is written with its status, in the same update
  const decidedBy: DecidedBy = { rule: "second_review", status: first.newStatus!, reviewerId: first.userId, confirmedById: input.userId, reviewId: first.id };
  await changeSessionStatus(db, {
    applicationId: input.applicationId,
    sessionId: input.sessionId,
    from: ["In Review"],
    to: first.newStatus,
    actor: eventActor(input.actor),
    reason: `four-eyes: ${first.action} confirmed`,
    where: { pendingReviewId: first.id },
    data: { assignedToId: null, assignedAt: null, decidedBy },
    apply: async (tx) => {
      await tx.review.update({ where: { id: first.id }, data: { pending: false } });
      await tx.review.create({ data: { ...second, reasonCode: first.reasonCode, customerComment: first.customerComment } });
      await recordAudit(tx, { ...audit, action: "session.second_review_confirmed" });
    },
  });
  return { status: first.newStatus };
}
