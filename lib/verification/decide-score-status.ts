import type { CheckStatus } from "@/lib/sessions/statuses";

export type Thresholds = { review: number; decline: number };

// Below decline -> Declined; below review -> In Review; otherwise Approved. If review < decline the
// review band is empty (a deliberate configuration: no manual review).
export function decideScoreStatus(score: number, thresholds: Thresholds): Exclude<CheckStatus, "Not Finished"> {
  if (score < thresholds.decline) return "Declined";
  if (score < thresholds.review) return "In Review";
  return "Approved";
}

const rank = { Approved: 0, "In Review": 1, Declined: 2 } as const;

// The worst of several statuses wins (Declined > In Review > Approved).
export function worstStatus(...statuses: (keyof typeof rank)[]): keyof typeof rank {
  return statuses.reduce((worst, s) => (rank[s] > rank[worst] ? s : worst), "Approved");
}
