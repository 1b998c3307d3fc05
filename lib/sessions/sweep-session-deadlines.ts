import { startPeriodicJob } from "@/lib/bootstrap/periodic-jobs";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { changeSessionStatus } from "@/lib/sessions/change-session-status";

// Deadlines live in the database (expiresAt, abandonAt), so a restart loses none: each sweep moves
// unopened links past expiresAt to Expired and opened-but-unfinished sessions past abandonAt to
// Abandoned (as are sessions handed back for a resubmission the user never started before expiresAt),
// each with its webhook. The conditional status change makes concurrent sweepers harmless.
export async function sweepSessionDeadlines(now = new Date()): Promise<number> {
  const db = getDb();
  const due = await db.verificationSession.findMany({
    where: { OR: [{ status: "Not Started", expiresAt: { lt: now } }, { status: "In Progress", OR: [{ abandonAt: { lt: now } }, { expiresAt: { lt: now } }] }, { status: "Resubmitted", expiresAt: { lt: now } }] },
    select: { id: true, applicationId: true, status: true },
    take: 100,
  });
  let moved = 0;
  for (const s of due) {
    const to = s.status === "Not Started" ? "Expired" : "Abandoned";
    try {
      await changeSessionStatus(db, { applicationId: s.applicationId, sessionId: s.id, from: [s.status], to, actor: "system", reason: to === "Expired" ? "link expired unused" : "not finished in time", data: { decidedBy: { rule: to === "Expired" ? "expired" : "abandoned" } } });
      moved++;
    } catch (error) {
      if (!isAppError(error) || error.code !== "conflict") throw error;
    }
  }
  return moved;
}

// Every SESSION_SWEEP_INTERVAL_MS (15 s), one sweep across all instances (lib/bootstrap/periodic-jobs.ts).
export function startSessionSweeper(): void {
  startPeriodicJob({ name: "session-sweep", intervalMs: Number(process.env.SESSION_SWEEP_INTERVAL_MS ?? 15_000), run: () => sweepSessionDeadlines() });
}
