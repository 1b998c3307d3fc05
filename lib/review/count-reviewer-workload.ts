import type { Db } from "@/lib/db";
import { listReviewers } from "@/lib/review/find-reviewer";

const decisions = ["approve", "decline", "resubmit", "confirm", "reject"];

// Per reviewer (every console user who may decide): open cases they hold, and decisions they made since
// the start of their day and in the last 7 days. Three grouped queries, whatever the team's size.
export async function countReviewerWorkload(db: Db, input: { applicationId: string; dayStart: Date; now?: Date }) {
  const weekAgo = new Date((input.now ?? new Date()).getTime() - 7 * 86_400_000);
  const decided = (since: Date) =>
    db.review.groupBy({ by: ["userId"], where: { action: { in: decisions }, pending: false, createdAt: { gte: since }, userId: { not: null }, session: { applicationId: input.applicationId } }, _count: { _all: true } });
  const [users, openRows, todayRows, weekRows] = await Promise.all([
    listReviewers(db),
    db.verificationSession.groupBy({ by: ["assignedToId"], where: { applicationId: input.applicationId, status: "In Review", assignedToId: { not: null } }, _count: { _all: true } }),
    decided(input.dayStart),
    decided(weekAgo),
  ]);
  const open = byId(openRows, "assignedToId");
  const [today, week] = [byId(todayRows, "userId"), byId(weekRows, "userId")];
  return users.map((u) => ({ id: u.id, email: u.email, open: open.get(u.id) ?? 0, decidedToday: today.get(u.id) ?? 0, decidedWeek: week.get(u.id) ?? 0 }));
}

function byId<K extends string>(rows: ({ _count: { _all: number } } & Record<K, string | null>)[], key: K) {
  return new Map(rows.map((r) => [r[key], r._count._all]));
}
export type ReviewerWorkload = Awaited<ReturnType<typeof countReviewerWorkload>>[number];
