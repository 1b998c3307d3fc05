import { z } from "zod";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { priorityLabels } from "@/lib/review/queue-filters";

export const casePrioritySchema = z.object({ priority: z.union([z.literal(0), z.literal(1), z.literal(2)]) });

// A reviewer raises or lowers one case's place in the queue (0 normal, 1 high, 2 urgent): only while it
// is In Review (a conditional update), audited with the old and new value.
export async function setCasePriority(db: Db, input: { applicationId: string; sessionId: string; priority: 0 | 1 | 2; actor: AuditActor }) {
  return db.$transaction(async (tx) => {
    const session = await tx.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { status: true, priority: true } });
    if (!session) throw new AppError("not_found", "No session with this id.");
    const updated = await tx.verificationSession.updateMany({ where: { id: input.sessionId, status: "In Review" }, data: { priority: input.priority } });
    if (updated.count !== 1) throw new AppError("conflict", `The session is ${session.status}; only cases in review have a queue priority.`);
    await recordAudit(tx, {
      actor: input.actor,
      applicationId: input.applicationId,
      action: "session.priority_changed",
      targetType: "session",
      targetId: input.sessionId,
      details: { from: priorityLabels[session.priority] ?? session.priority, to: priorityLabels[input.priority] },
    });
    return { priority: input.priority };
  });
}
