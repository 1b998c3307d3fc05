import type { Db } from "@/lib/db";
import type { ScoreSample } from "@/lib/console/simulate-thresholds";

const WINDOW_DAYS = 90;
const MAX_CHECKS = 2000;
// Pages of recent checks read before falling back to the (slow) join on the session's application,
// and the most ids put in one IN list (SQLite refuses queries with too many bound parameters).
const PAGE = MAX_CHECKS;
const MAX_PAGES = 10;
const ID_CHUNK = 500;

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
type Check = { sessionId: string; feature: string; score: number | null };

// The latest MAX_CHECKS scored checks of this application's sessions in the window, newest first.
// CheckResult has no applicationId: filtering through the session relation makes the database join
// every session (seconds at 100k sessions), so recent checks are read by time alone and kept when their
// session belongs to the application; the join is only the fallback when other applications dominate.
async function recentChecks(db: Db, applicationId: string, since: Date): Promise<Check[]> {
  const where = { feature: { in: ["FACE_MATCH", "LIVENESS"] }, score: { not: null }, createdAt: { gte: since } };
  const select = { sessionId: true, feature: true, score: true } as const;
  const ours = new Map<string, boolean>();
  const picked: Check[] = [];
  for (let page = 0; page < MAX_PAGES; page++) {
    const rows = await db.checkResult.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: page * PAGE, take: PAGE, select });
    const unknown = [...new Set(rows.map((r) => r.sessionId))].filter((id) => !ours.has(id));
    for (const ids of chunks(unknown, ID_CHUNK)) {
      // by primary key only: adding applicationId to the where makes SQLite scan the application's index
      const found = await db.verificationSession.findMany({ where: { id: { in: ids } }, select: { id: true, applicationId: true } });
      for (const id of ids) ours.set(id, false);
      for (const s of found) ours.set(s.id, s.applicationId === applicationId);
    }
    for (const r of rows) {
      if (!ours.get(r.sessionId)) continue;
      picked.push(r);
      if (picked.length === MAX_CHECKS) return picked;
    }
    if (rows.length < PAGE) return picked;
  }
  return db.checkResult.findMany({ where: { ...where, session: { applicationId } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: MAX_CHECKS, select });
}

// Scores of the latest face-match and liveness attempt of recent sessions, each tagged with the human
// verdict where a reviewer decided the session (the only outcome that is ground truth).
export async function getScoreDistribution(db: Db, input: { applicationId: string }) {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  const checks = await recentChecks(db, input.applicationId, since);
  const sessionIds = [...new Set(checks.map((c) => c.sessionId))];
  const reviews = (
    await Promise.all(
      chunks(sessionIds, ID_CHUNK).map((ids) =>
        db.review.findMany({ where: { sessionId: { in: ids }, action: { in: ["approve", "decline"] } }, orderBy: { createdAt: "asc" }, select: { sessionId: true, action: true } }),
      ),
    )
  ).flat();
  // the last decision of a session wins (reviews are read oldest first)
  const verdict = new Map(reviews.map((r) => [r.sessionId, r.action === "approve" ? ("approved" as const) : ("declined" as const)]));
  const seen = new Set<string>();
  const faceMatch: ScoreSample[] = [];
  const liveness: ScoreSample[] = [];
  for (const c of checks) {
    const key = `${c.sessionId}:${c.feature}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (c.feature === "FACE_MATCH" ? faceMatch : liveness).push({ sessionId: c.sessionId, score: c.score!, outcome: verdict.get(c.sessionId) ?? "unreviewed" });
  }
  return { windowDays: WINDOW_DAYS, faceMatch, liveness };
}
