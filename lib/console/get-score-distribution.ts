import type { Db } from "@/lib/db";
import type { ScoreSample } from "@/lib/console/simulate-thresholds";

const WINDOW_DAYS = 90;
const MAX_CHECKS = 2000;

// Scores of the latest face-match and liveness attempt of recent sessions, each tagged with the human
// verdict where a reviewer decided the session (the only outcome that is ground truth).
export async function getScoreDistribution(db: Db, input: { applicationId: string }) {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  const checks = await db.checkResult.findMany({
    where: { feature: { in: ["FACE_MATCH", "LIVENESS"] }, score: { not: null }, createdAt: { gte: since }, session: { applicationId: input.applicationId } },
    orderBy: { createdAt: "desc" },
    take: MAX_CHECKS,
    select: { sessionId: true, feature: true, score: true },
  });
  const sessionIds = [...new Set(checks.map((c) => c.sessionId))];
  const reviews = await db.review.findMany({
    where: { sessionId: { in: sessionIds }, action: { in: ["approve", "decline"] } },
    orderBy: { createdAt: "asc" },
    select: { sessionId: true, action: true },
  });
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
