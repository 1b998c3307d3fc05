// Below this many decided sessions in either branch a difference is not worth a verdict.
export const MIN_BRANCH_SESSIONS = 30;

export type RateComparison =
  | { verdict: "not_enough_data"; minimum: number; note: string }
  | { verdict: "significant" | "not_significant"; z: number; pValue: number; difference: number; note: string };

// Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, |error| < 1.5e-7): enough for a p-value note.
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

// Two-proportion z-test on approval rates (pooled standard error, two-sided, 5% level): is branch B's
// approval rate different from A's by more than chance? `difference` is B - A.
export function compareApprovalRates(a: { approved: number; n: number; label: string }, b: { approved: number; n: number; label: string }): RateComparison {
  if (a.n < MIN_BRANCH_SESSIONS || b.n < MIN_BRANCH_SESSIONS) {
    return { verdict: "not_enough_data", minimum: MIN_BRANCH_SESSIONS, note: `Not enough data: each branch needs at least ${MIN_BRANCH_SESSIONS} decided sessions.` };
  }
  const pa = a.approved / a.n;
  const pb = b.approved / b.n;
  const pooled = (a.approved + b.approved) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  // every session approved (or none) in both: identical rates, nothing to test
  const z = se === 0 ? 0 : (pb - pa) / se;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  const significant = pValue < 0.05;
  const direction = pb > pa ? "higher" : "lower";
  const note = significant
    ? `${b.label} approves ${pct(Math.abs(pb - pa))} ${direction} than ${a.label}: significant at the 5% level (p = ${pValue.toFixed(3)}).`
    : `No significant difference in approval rate between ${a.label} and ${b.label} (p = ${pValue.toFixed(2)}).`;
  return { verdict: significant ? "significant" : "not_significant", z, pValue, difference: pb - pa, note };
}
