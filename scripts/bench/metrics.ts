// Verification metrics on similarity scores (higher = more alike). Pure functions.

export type RateAt = { threshold: number; fmr: number; fnmr: number };

/** Equal error rate: the point where FMR and FNMR cross (mean of the two at the closest threshold). */
export function equalErrorRate(genuine: number[], impostor: number[]): RateAt & { eer: number } {
  const thresholds = [...new Set([...genuine, ...impostor])].sort((a, b) => a - b);
  let best = { threshold: 0, fmr: 1, fnmr: 0, eer: 1, gap: Infinity };
  for (const t of thresholds) {
    const { fmr, fnmr } = ratesAt(genuine, impostor, t);
    const gap = Math.abs(fmr - fnmr);
    if (gap < best.gap) best = { threshold: t, fmr, fnmr, eer: (fmr + fnmr) / 2, gap };
  }
  return { threshold: best.threshold, fmr: best.fmr, fnmr: best.fnmr, eer: best.eer };
}

/** Accept when score >= threshold. */
export function ratesAt(genuine: number[], impostor: number[], threshold: number): { fmr: number; fnmr: number } {
  const fmr = impostor.filter((s) => s >= threshold).length / (impostor.length || 1);
  const fnmr = genuine.filter((s) => s < threshold).length / (genuine.length || 1);
  return { fmr, fnmr };
}

/** FNMR at the lowest threshold whose FMR does not exceed targetFmr. */
export function fnmrAtFmr(genuine: number[], impostor: number[], targetFmr: number): RateAt {
  const sorted = [...impostor].sort((a, b) => b - a);
  const allowed = Math.floor(targetFmr * impostor.length);
  // accept strictly above the (allowed+1)-th highest impostor score
  const threshold = allowed < sorted.length ? nextUp(sorted[allowed]) : -Infinity;
  return { threshold, ...ratesAt(genuine, impostor, threshold) };
}

function nextUp(x: number): number {
  return x + Math.max(1e-9, Math.abs(x) * 1e-9);
}

/** Area under the ROC curve (probability a genuine pair outscores an impostor pair; ties count half). */
export function rocAuc(genuine: number[], impostor: number[]): number {
  const all = [...genuine.map((s) => ({ s, g: 1 })), ...impostor.map((s) => ({ s, g: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k].g) rankSum += avgRank;
    i = j;
  }
  const n1 = genuine.length, n0 = impostor.length;
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0 || 1);
}
