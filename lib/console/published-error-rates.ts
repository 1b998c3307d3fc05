import published from "@/lib/vision/published-accuracy.json";

// What the recogniser's model card publishes (lib/vision/published-accuracy.json, printed by npm run
// bench:accuracy): error rates on the held-out half of faces-dev (identities the score calibration
// never saw; colour and grayscale chips together). Only these score points are measured; between
// them the tuning page interpolates and says so.
export const held = published.heldOut;
// with no impostor above a point, FMR is only known to be below one in the impostors measured
const fmrBound = `< ${(100 / held.impostor).toFixed(1)} %`;
export const publishedErrorPoints = held.points.map((p) => ({
  score: p.score,
  noImpostorAbove: p.fmrImpostorsAbove === 0,
  fmrLabel: p.fmrImpostorsAbove === 0 ? `0 / ${held.impostor} (${fmrBound})` : `${p.fmrImpostorsAbove} / ${held.impostor}`,
  fnmr: p.fnmr * 100,
}));

export const publishedModel = { id: published.recogniser.split("@")[0], card: published.card };

export type ErrorRateEstimate = { fmr: string; fnmr: string; basis: "measured" | "interpolated" | "bound" };

// FMR / FNMR to show for a threshold at `score`: the measured value at a published point, a linear
// interpolation between the two, or a one-sided bound outside them (never an invented number).
export function estimateErrorRates(score: number): ErrorRateEstimate {
  const [low, high] = publishedErrorPoints;
  const exact = publishedErrorPoints.find((p) => p.score === score);
  if (exact) return { fmr: exact.fmrLabel, fnmr: `${exact.fnmr.toFixed(1)} %`, basis: "measured" };
  if (score > low.score && score < high.score) {
    const f = (score - low.score) / (high.score - low.score);
    return { fmr: high.noImpostorAbove ? fmrBound : `≤ ${low.fmrLabel}`, fnmr: `≈ ${(low.fnmr + f * (high.fnmr - low.fnmr)).toFixed(1)} %`, basis: "interpolated" };
  }
  if (score > high.score) return { fmr: high.noImpostorAbove ? fmrBound : `≤ ${high.fmrLabel}`, fnmr: `> ${high.fnmr.toFixed(1)} %`, basis: "bound" };
  // a lower threshold only accepts more genuine pairs: at most the FNMR measured at the low point
  return { fmr: `> 0 (not measured below ${low.score})`, fnmr: low.fnmr === 0 ? "0 %" : `≤ ${low.fnmr.toFixed(1)} %`, basis: "bound" };
}
