import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listReviewers } from "@/lib/review/find-reviewer";
import { readReasonCodes } from "@/lib/review/reason-codes";
import { readFourEyes } from "@/lib/review/review-policy";

// What the decision form needs for one case: its status and assignee, the reasons the team may pick,
// the people it can be handed to, the workflow's four-eyes policy and, while a first decision waits, that decision and who made it.
export async function getDecisionContext(db: Db, input: { applicationId: string; sessionId: string }) {
  const s = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    select: { status: true, priority: true, pendingReviewId: true, assignedTo: { select: { id: true, email: true } }, workflow: { select: { fourEyes: true } }, application: { select: { reasonCodes: true } } },
  });
  if (!s) throw new AppError("not_found", "No session with this id.");
  const reasonCodes = readReasonCodes(s.application.reasonCodes);
  const [first, reviewers] = await Promise.all([
    s.pendingReviewId ? db.review.findUnique({ where: { id: s.pendingReviewId }, include: { user: { select: { id: true, email: true } } } }) : null,
    listReviewers(db),
  ]);
  return {
    status: s.status,
    priority: s.priority,
    assignee: s.assignedTo,
    fourEyes: readFourEyes(s.workflow.fourEyes),
    reasonCodes,
    // who a case can be handed to
    reviewers,
    pending: first
      ? {
          id: first.id,
          decision: first.newStatus,
          reasonCode: first.reasonCode,
          reason: reasonCodes.find((c) => c.code === first.reasonCode)?.label ?? first.reasonCode,
          customerComment: first.customerComment,
          comment: first.comment,
          reviewer: first.user,
          createdAt: first.createdAt.toISOString(),
        }
      : null,
  };
}

export type DecisionContext = Awaited<ReturnType<typeof getDecisionContext>>;
