import type { Tx } from "@/lib/db";
import { latestWarnings } from "@/lib/review/case-risk";

// What a case gets when it (re-)enters review: why (the risk codes of its latest checks, stored as
// ",A,B," so the queue filters with one LIKE), when it is overdue (now + the workflow's SLA) and its queue
// priority (the workflow's, or higher when the case was escalated). Called by changeSessionStatus for
// every transition into "In Review", automatic or manual.
export async function reviewEntryFields(tx: Tx, input: { sessionId: string; now: Date; priority?: number }) {
  const session = await tx.verificationSession.findUniqueOrThrow({
    where: { id: input.sessionId },
    select: { priority: true, workflow: { select: { reviewSlaHours: true, reviewPriority: true } }, checks: { orderBy: { createdAt: "asc" }, select: { feature: true, warnings: true } } },
  });
  const risks = [...new Set(latestWarnings(session.checks).filter((w) => w.log_type !== "information").map((w) => w.risk))];
  const sla = session.workflow.reviewSlaHours;
  return {
    reviewReasons: risks.length ? `,${risks.join(",")},` : null,
    reviewDueAt: sla ? new Date(input.now.getTime() + sla * 3_600_000) : null,
    priority: Math.max(session.workflow.reviewPriority, input.priority ?? 0),
  };
}
