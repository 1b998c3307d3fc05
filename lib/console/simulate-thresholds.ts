export type ScoreSample = { sessionId: string; score: number; outcome: "approved" | "declined" | "unreviewed" };
export type Band = { review: number; decline: number };
export type Counts = { approved: number; review: number; declined: number };

const RANK = { approved: 0, review: 1, declined: 2 } as const;
const bandOf = (score: number, t: Band): keyof Counts => (score < t.decline ? "declined" : score < t.review ? "review" : "approved");

// What recent sessions would have become under other thresholds (the same rule as decideScoreStatus:
// below decline -> Declined, below review -> In Review). A session with both checks takes the worse.
// Pure, so the tuning page recomputes it on every slider move.
export function simulateThresholds(input: { faceMatch: ScoreSample[]; liveness: ScoreSample[]; faceMatchBand: Band; livenessBand: Band }) {
  const count = (samples: ScoreSample[], t: Band) => {
    const c: Counts = { approved: 0, review: 0, declined: 0 };
    for (const s of samples) c[bandOf(s.score, t)]++;
    return c;
  };
  const worst = new Map<string, keyof Counts>();
  const fold = (samples: ScoreSample[], t: Band) => {
    for (const s of samples) {
      const band = bandOf(s.score, t);
      const prev = worst.get(s.sessionId);
      if (!prev || RANK[band] > RANK[prev]) worst.set(s.sessionId, band);
    }
  };
  fold(input.faceMatch, input.faceMatchBand);
  fold(input.liveness, input.livenessBand);
  const sessions: Counts = { approved: 0, review: 0, declined: 0 };
  for (const band of worst.values()) sessions[band]++;
  return { faceMatch: count(input.faceMatch, input.faceMatchBand), liveness: count(input.liveness, input.livenessBand), sessions };
}
