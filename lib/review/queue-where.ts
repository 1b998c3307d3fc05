import { ageHours, type QueueFilters } from "@/lib/review/queue-filters";

// The queue's filters as a Prisma where clause (pure, no I/O). Cases In Review of one application; the
// time a case entered review is decidedAt (changeSessionStatus sets it on every transition).
export function queueWhere(input: { applicationId: string; filters: QueueFilters; userId: string; now: Date }) {
  const f = input.filters;
  const assignee = f.assignee === "me" ? input.userId : f.assignee === "unassigned" ? null : f.assignee;
  return {
    applicationId: input.applicationId,
    status: "In Review",
    ...(f.workflow ? { workflowId: f.workflow } : {}),
    ...(f.reason ? { reviewReasons: { contains: `,${f.reason},` } } : {}),
    ...(f.assignee ? { assignedToId: assignee } : {}),
    ...(f.age === "overdue" ? { reviewDueAt: { lt: input.now } } : f.age ? { decidedAt: { lte: new Date(input.now.getTime() - ageHours[f.age] * 3_600_000) } } : {}),
    ...(f.priority ? { priority: Number(f.priority) } : {}),
    ...(f.second ? { pendingReviewId: { not: null } } : {}),
  };
}

// Most urgent first, then the nearest deadline (cases without an SLA after those with one), then the
// longest wait.
export const queueOrder = [{ priority: "desc" as const }, { reviewDueAt: { sort: "asc" as const, nulls: "last" as const } }, { decidedAt: "asc" as const }, { createdAt: "asc" as const }];
