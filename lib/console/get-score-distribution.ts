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
type Check = { sessionId: string; feature: string; score: number | null; data: unknown };
type GraphNode = { id: string; config?: { review_threshold?: number; decline_threshold?: number } };

// The latest MAX_CHECKS scored checks of this application's sessions in the window, newest first.
// CheckResult has no applicationId: filtering through the session relation makes the database join
// every session (seconds at 100k sessions), so recent checks are read by time alone and kept when their
// session belongs to the application; the join is only the fallback when other applications dominate.
async function recentChecks(db: Db, applicationId: string, since: Date): Promise<Check[]> {
  const where = { feature: { in: ["FACE_MATCH", "LIVENESS"] }, score: { not: null }, createdAt: { gte: since } };
  const select = { sessionId: true, feature: true, score: true, data: true } as const;
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

// For each check, the thresholds its workflow step set itself (from the version the session ran), if any:
// the what-if keeps those and moves only the checks judged by the application defaults.
async function workflowOverrides(db: Db, sessionIds: string[]) {
  const sessions = (await Promise.all(chunks(sessionIds, ID_CHUNK).map((ids) => db.verificationSession.findMany({ where: { id: { in: ids } }, select: { id: true, workflowVersionId: true } })))).flat();
  const versionIds = [...new Set(sessions.map((s) => s.workflowVersionId).filter((v): v is string => Boolean(v)))];
  const versions = (await Promise.all(chunks(versionIds, ID_CHUNK).map((ids) => db.workflowVersion.findMany({ where: { id: { in: ids } }, select: { id: true, graph: true } })))).flat();
  const graphs = new Map(versions.map((v) => [v.id, ((v.graph as { nodes?: GraphNode[] } | null)?.nodes ?? []) as GraphNode[]]));
  const versionOf = new Map(sessions.map((s) => [s.id, s.workflowVersionId]));
  return (c: Check): { review?: number; decline?: number } | null => {
    const nodeId = (c.data as { nodeId?: string } | null)?.nodeId;
    const config = graphs.get(versionOf.get(c.sessionId) ?? "")?.find((n) => n.id === nodeId)?.config;
    if (config?.review_threshold === undefined && config?.decline_threshold === undefined) return null;
    return { ...(config.review_threshold !== undefined ? { review: config.review_threshold } : {}), ...(config.decline_threshold !== undefined ? { decline: config.decline_threshold } : {}) };
  };
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
  const own = await workflowOverrides(db, sessionIds);
  // the last decision of a session wins (reviews are read oldest first)
  const verdict = new Map(reviews.map((r) => [r.sessionId, r.action === "approve" ? ("approved" as const) : ("declined" as const)]));
  const seen = new Set<string>();
  const faceMatch: ScoreSample[] = [];
  const liveness: ScoreSample[] = [];
  for (const c of checks) {
    const key = `${c.sessionId}:${c.feature}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const thresholds = own(c);
    (c.feature === "FACE_MATCH" ? faceMatch : liveness).push({ sessionId: c.sessionId, score: c.score!, outcome: verdict.get(c.sessionId) ?? "unreviewed", ...(thresholds ? { own: thresholds } : {}) });
  }
  return { windowDays: WINDOW_DAYS, faceMatch, liveness };
}
