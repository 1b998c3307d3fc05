import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { changeSessionStatus } from "@/lib/sessions/change-session-status";

// Statuses a person may overrule: a decided or stuck session can be approved or declined by hand.
const REVIEWABLE = ["In Review", "Approved", "Declined", "In Progress", "Not Started", "Abandoned", "Resubmitted"];

// A manual decision (API update-status, console review) or a plain comment: the Review row, the status
// change with its webhook and the audit entry are one transaction.
export async function reviewSession(
  db: Db,
  input: { applicationId: string; sessionId: string; newStatus?: "Approved" | "Declined" | null; comment: string | null; actor: AuditActor; userId?: string | null; expectedStatus?: string },
) {
  const session = await db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { status: true } });
  if (!session) throw new AppError("not_found", "No session with this id.");
  const review = { sessionId: input.sessionId, userId: input.userId ?? null, comment: input.comment ?? "", action: input.newStatus ? (input.newStatus === "Approved" ? "approve" : "decline") : "comment", newStatus: input.newStatus ?? null };
  const actorTag = `${input.actor.type}:${input.actor.id ?? "unknown"}`;
  if (!input.newStatus) {
    await db.$transaction(async (tx) => {
      await tx.review.create({ data: review });
      await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "session.commented", targetType: "session", targetId: input.sessionId });
    });
    return;
  }
  if (session.status === input.newStatus) throw new AppError("conflict", `The session is already ${session.status}.`);
  await changeSessionStatus(db, {
    applicationId: input.applicationId,
    sessionId: input.sessionId,
    from: input.expectedStatus ? [input.expectedStatus] : REVIEWABLE,
    to: input.newStatus,
    actor: actorTag,
    reason: input.comment ?? "manual decision",
    data: { assignedToId: null, assignedAt: null },
    apply: async (tx) => {
      await tx.review.create({ data: review });
      await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: `session.${review.action}d`, targetType: "session", targetId: input.sessionId, details: { from: session.status, to: input.newStatus, comment: input.comment } });
    },
  });
}
