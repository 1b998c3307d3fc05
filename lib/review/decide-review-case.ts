import type { AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError, isAppError } from "@/lib/errors";
import { reviewSession } from "@/lib/sessions/review-session";

// A reviewer's decision from the queue. reviewSession only changes a session that is still In Review,
// so of two reviewers deciding at once exactly one wins; the other gets a 409 that says who decided.
// The review row, status event, audit entry and status webhook are written by reviewSession.
export async function decideReviewCase(db: Db, input: { applicationId: string; sessionId: string; decision: "Approved" | "Declined"; comment: string; userId: string; actor: AuditActor }) {
  try {
    await reviewSession(db, { applicationId: input.applicationId, sessionId: input.sessionId, newStatus: input.decision, comment: input.comment, actor: input.actor, userId: input.userId, expectedStatus: "In Review" });
  } catch (error) {
    if (!isAppError(error) || error.code !== "conflict") throw error;
    const [session, last] = await Promise.all([
      db.verificationSession.findUnique({ where: { id: input.sessionId }, select: { status: true } }),
      db.review.findFirst({ where: { sessionId: input.sessionId, action: { in: ["approve", "decline"] } }, orderBy: { createdAt: "desc" }, include: { user: { select: { email: true } } } }),
    ]);
    const who = last ? (last.user?.email ?? "the API") : "an automatic status change";
    throw new AppError("conflict", `Already ${session?.status ?? "decided"} by ${who}${last ? ` at ${last.createdAt.toISOString()}` : ""}.`);
  }
  return db.verificationSession.findUniqueOrThrow({ where: { id: input.sessionId }, select: { id: true, status: true, decidedAt: true } });
}
