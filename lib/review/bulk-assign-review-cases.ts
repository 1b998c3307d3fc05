import { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { findReviewerOrThrow } from "@/lib/review/find-reviewer";

export const bulkAssignSchema = z.object({
  sessionIds: z.array(z.string().uuid()).min(1, "Select at least one case.").max(100, "Assign at most 100 cases at once."),
  // "me", a console user id (a reviewer or admin), or null to release
  to: z.union([z.literal("me"), z.string().uuid(), z.null()]),
});
export type BulkAssignInput = z.infer<typeof bulkAssignSchema>;

export type BulkAssignOutcome = { id: string; sessionNumber: number | null; ok: boolean; message: string };

// Assigning many cases at once is many single assignments: each one a conditional update (the case must
// still be In Review and free, held by me, or — for an admin — held by anyone), each audited, each
// reported. A case someone else took in the meantime is skipped, never taken from them.
export async function bulkAssignReviewCases(db: Db, input: BulkAssignInput & { applicationId: string; userId: string; isAdmin: boolean; actor: AuditActor }) {
  const to = input.to === "me" ? input.userId : input.to;
  const assignee = to ? await findReviewerOrThrow(db, to, "to") : null;
  const sessions = await db.verificationSession.findMany({
    where: { id: { in: input.sessionIds }, applicationId: input.applicationId },
    select: { id: true, sessionNumber: true, status: true, assignedToId: true, assignedTo: { select: { email: true } } },
  });
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const outcomes: BulkAssignOutcome[] = [];
  for (const id of [...new Set(input.sessionIds)]) {
    const s = byId.get(id);
    const fail = (message: string) => outcomes.push({ id, sessionNumber: s?.sessionNumber ?? null, ok: false, message });
    if (!s) fail("No session with this id.");
    else if (s.status !== "In Review") fail(`The session is ${s.status}.`);
    else if (s.assignedToId === to) fail(to ? `Already assigned to ${assignee!.email}.` : "Already unassigned.");
    else {
      // mine, free, or anyone's for an admin: what the case may be held by for this change to apply
      const holder = input.isAdmin ? {} : { OR: [{ assignedToId: null }, { assignedToId: input.userId }] };
      const updated = await db.verificationSession.updateMany({
        where: { id, status: "In Review", assignedToId: s.assignedToId, ...holder },
        data: to ? { assignedToId: to, assignedAt: new Date() } : { assignedToId: null, assignedAt: null },
      });
      if (updated.count !== 1) {
        fail(s.assignedToId && s.assignedToId !== input.userId ? `Held by ${s.assignedTo?.email ?? "another reviewer"}; only an admin can reassign it.` : "The case changed meanwhile; reload the queue.");
        continue;
      }
      await recordAudit(db, { actor: input.actor, applicationId: input.applicationId, action: to ? "session.assigned" : "session.unassigned", targetType: "session", targetId: id, details: { bulk: true, ...(to ? { to: assignee!.email } : {}), ...(s.assignedTo ? { from: s.assignedTo.email } : {}) } });
      outcomes.push({ id, sessionNumber: s.sessionNumber, ok: true, message: to ? `Assigned to ${assignee!.email}.` : "Released." });
    }
  }
  return { done: outcomes.filter((o) => o.ok).length, outcomes };
}
