// `own`: the thresholds the session's workflow step set itself; they, not the dragged defaults, judge it.
export type ScoreSample = { sessionId: string; score: number; outcome: "approved" | "declined" | "unreviewed"; own?: { review?: number; decline?: number } };
export type Band = { review: number; decline: number };
export type Counts = { approved: number; review: number; declined: number };

const RANK = { approved: 0, review: 1, declined: 2 } as const;
const bandOf = (score: number, t: Band): keyof Counts => (score < t.decline ? "declined" : score < t.review ? "review" : "approved");
// The thresholds a sample ran under: its workflow step's own, else the (what-if) application default.
const effective = (s: ScoreSample, t: Band): Band => (s.own ? { review: s.own.review ?? t.review, decline: s.own.decline ?? t.decline } : t);

// What recent sessions would have become under other thresholds (the same rule as decideScoreStatus:
// below decline -> Declined, below review -> In Review). A session with both checks takes the worse.
// A check whose workflow step set its own thresholds keeps them: moving the application defaults only
// moves the checks that ran under the defaults. Pure, so the tuning page recomputes it on every slider move.
export function simulateThresholds(input: { faceMatch: ScoreSample[]; liveness: ScoreSample[]; faceMatchBand: Band; livenessBand: Band }) {
  const count = (samples: ScoreSample[], t: Band) => {
    const c: Counts = { approved: 0, review: 0, declined: 0 };
    for (const s of samples) c[bandOf(s.score, effective(s, t))]++;
    return c;
  };
  const worst = new Map<string, keyof Counts>();
  const fold = (samples: ScoreSample[], t: Band) => {
    for (const s of samples) {
      const band = bandOf(s.score, effective(s, t));
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
