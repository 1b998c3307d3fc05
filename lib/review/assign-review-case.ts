import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findReviewerOrThrow } from "@/lib/review/find-reviewer";

// Taking a case is a conditional update: it only succeeds while the session is still In Review and
// free (or already mine), so two reviewers never both hold it. Releasing works for the holder; an
// admin may release anyone's case. Handing a case to another reviewer (`assigneeId`) is for admins and
// for whoever holds it.
export async function assignReviewCase(db: Db, input: { applicationId: string; sessionId: string; userId: string; assign: boolean; assigneeId?: string | null; isAdmin: boolean; actor: AuditActor }) {
  const session = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    select: { status: true, assignedToId: true, assignedTo: { select: { email: true } } },
  });
  if (!session) throw new AppError("not_found", "No session with this id.");
  if (session.status !== "In Review") throw new AppError("conflict", `The session is ${session.status}; only sessions in review can be assigned.`);
  const target = input.assign && input.assigneeId && input.assigneeId !== input.userId ? await findReviewerOrThrow(db, input.assigneeId) : null;
  if (target && !input.isAdmin && session.assignedToId !== input.userId) throw new AppError("forbidden", "Only an admin or the reviewer holding a case can hand it to someone else.");
  const holder = target ? (input.isAdmin ? {} : { assignedToId: input.userId }) : input.assign ? { OR: [{ assignedToId: null }, { assignedToId: input.userId }] } : input.isAdmin ? {} : { assignedToId: input.userId };
  const assigneeId = target?.id ?? input.userId;
  const updated = await db.verificationSession.updateMany({
    where: { id: input.sessionId, status: "In Review", ...holder },
    data: input.assign ? { assignedToId: assigneeId, assignedAt: new Date() } : { assignedToId: null, assignedAt: null },
  });
  if (updated.count !== 1) {
    throw new AppError("conflict", input.assign && !target ? `${session.assignedTo?.email ?? "Another reviewer"} has already taken this case.` : "This case is assigned to someone else.");
  }
  await recordAudit(db, { actor: input.actor, applicationId: input.applicationId, action: input.assign ? "session.assigned" : "session.unassigned", targetType: "session", targetId: input.sessionId, details: input.assign ? { assignee: target?.email ?? input.actor.label ?? null, from: session.assignedTo?.email ?? null } : undefined });
  return { assigned: input.assign, assigneeId: input.assign ? assigneeId : null };
}
