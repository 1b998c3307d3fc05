// What models/cards/dlib-resnet.md publishes for the default recogniser: error rates measured on the
// held-out half of faces-dev (identities the score calibration never saw; 130 genuine / 543 impostor
// pairs, colour and grayscale chips together). Only these score points are measured; between them the
// tuning page interpolates and says so.
export const publishedErrorPoints = [
  { score: 50, fmr: 0, fmrLabel: "0 / 543 (< 0.2 %)", fnmr: 3.1 },
  { score: 70, fmr: 0, fmrLabel: "0 / 543 (< 0.2 %)", fnmr: 17.7 },
] as const;

export const publishedModel = { id: "dlib-resnet", card: "models/cards/dlib-resnet.md", eerColour: 0.93 };

export type ErrorRateEstimate = { fmr: string; fnmr: string; basis: "measured" | "interpolated" | "bound" };

// FMR / FNMR to show for a threshold at `score`: the measured value at a published point, a linear
// interpolation between the two, or a one-sided bound outside them (never an invented number).
export function estimateErrorRates(score: number): ErrorRateEstimate {
  const [low, high] = publishedErrorPoints;
  const exact = publishedErrorPoints.find((p) => p.score === score);
  if (exact) return { fmr: exact.fmrLabel, fnmr: `${exact.fnmr.toFixed(1)} %`, basis: "measured" };
  if (score > low.score && score < high.score) {
    const f = (score - low.score) / (high.score - low.score);
    return { fmr: "< 0.2 %", fnmr: `≈ ${(low.fnmr + f * (high.fnmr - low.fnmr)).toFixed(1)} %`, basis: "interpolated" };
  }
  if (score > high.score) return { fmr: "< 0.2 %", fnmr: `> ${high.fnmr.toFixed(1)} %`, basis: "bound" };
  return { fmr: "> 0 (not measured below 50)", fnmr: `< ${low.fnmr.toFixed(1)} %`, basis: "bound" };
}
