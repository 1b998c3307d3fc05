import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findReviewerOrThrow } from "@/lib/review/find-reviewer";

// Escalating keeps the case In Review but raises its queue priority (1 high, 2 urgent; never lowers it)
// and may hand it to another reviewer. A Review row ("escalate") puts it on the case's record.
export async function escalateReviewCase(db: Db, input: { applicationId: string; sessionId: string; priority: number; assigneeId?: string | null; comment: string | null; userId: string | null; actor: AuditActor }) {
  const assignee = input.assigneeId ? await findReviewerOrThrow(db, input.assigneeId) : null;
  await db.$transaction(async (tx) => {
    const session = await tx.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { status: true, priority: true } });
    if (!session) throw new AppError("not_found", "No session with this id.");
    const priority = Math.max(session.priority, input.priority);
    const updated = await tx.verificationSession.updateMany({
      where: { id: input.sessionId, status: "In Review" },
      data: { priority, ...(assignee ? { assignedToId: assignee.id, assignedAt: new Date() } : {}) },
    });
    if (updated.count !== 1) throw new AppError("conflict", `The session is ${session.status}; only sessions in review can be escalated.`);
    await tx.review.create({ data: { sessionId: input.sessionId, userId: input.userId, action: "escalate", comment: input.comment ?? "", newStatus: null } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "session.escalated", targetType: "session", targetId: input.sessionId, details: { from: session.priority, to: priority, assignee: assignee?.email ?? null } });
  });
  return { escalated: true };
}
