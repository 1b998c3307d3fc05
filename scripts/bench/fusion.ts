// Score-level fusion of several recognisers, and a cascade, on labelled pairs. Pure functions.
import type { LabelledPair } from "@/lib/vision/datasets";
import { equalErrorRate, fnmrAtFmr, rocAuc } from "./metrics";

/** cos[m][p]: model m's cosine for pair p (-1 when either image had no face) */
export type PairScores = { pairs: LabelledPair[]; cos: number[][] };
export type Summary = { eer: number; fnmr: number; auc: number; genuine: number; impostor: number };

export function summarise(pairs: LabelledPair[], score: number[], subset: "colour" | "chips"): Summary {
  const g: number[] = [], i: number[] = [];
  pairs.forEach((p, k) => {
    if (p.subset === subset) (p.same ? g : i).push(score[k]);
  });
  return { eer: equalErrorRate(g, i).eer, fnmr: fnmrAtFmr(g, i, 0.001).fnmr, auc: rocAuc(g, i), genuine: g.length, impostor: i.length };
}

/**
 * Weighted sum of cosines (weights sum to 1). Equal to the cosine of the concatenated template
 * [sqrt(w1) e1, sqrt(w2) e2, ...] of L2-normalised embeddings, so a fused template is one vector.
 * A missing face stays a non-match.
 */
export function fuse(cos: number[][], weights: number[]): number[] {
  return cos[0].map((_, p) => (cos.some((c) => c[p] === -1) ? -1 : weights.reduce((s, w, m) => s + w * cos[m][p], 0)));
}

/** Every weight vector on the simplex with the given step (2 models: 21 at 0.05; 3 models: 231). */
export function weightGrid(models: number, step = 0.05): number[][] {
  const n = Math.round(1 / step);
  const out: number[][] = [];
  const walk = (prefix: number[], left: number) => {
    if (prefix.length === models - 1) return void out.push([...prefix, left].map((k) => k / n));
    for (let k = left; k >= 0; k--) walk([...prefix, k], left - k);
  };
  walk([], n);
  return out;
}

// What the weights are chosen for, on the fit half: the colour FNMR at FMR 0.1 % (the target that
// dlib misses) plus both subsets' EER, so a weight that buys colour at the cost of chips loses.
export function objective(pairs: LabelledPair[], score: number[]): number {
  const colour = summarise(pairs, score, "colour");
  return colour.fnmr + colour.eer + summarise(pairs, score, "chips").eer;
}

export function chooseWeights(fit: PairScores, step = 0.05): { weights: number[]; objective: number } {
  let best = { weights: [] as number[], objective: Infinity };
  for (const w of weightGrid(fit.cos.length, step)) {
    const o = objective(fit.pairs, fuse(fit.cos, w));
    if (o < best.objective - 1e-12) best = { weights: w, objective: o };
  }
  return best;
}

export type Band = { lo: number; hi: number };

/**
 * The band where the first model is unsure, from the fit half: from just below its lowest genuine
 * cosine to just above its highest impostor cosine (margin on both sides).
 */
export function unsureBand(fit: PairScores, margin = 0.01): Band {
  let lo = Infinity, hi = -Infinity;
  fit.pairs.forEach((p, k) => {
    const s = fit.cos[0][k];
    if (s === -1) return;
    if (p.same) lo = Math.min(lo, s);
    else hi = Math.max(hi, s);
  });
  return { lo: Math.min(lo, hi) - margin, hi: Math.max(lo, hi) + margin };
}

/**
 * Cascade as one score, so the usual threshold-free metrics apply: below the band the first model
 * rejects, above it accepts, inside it the second score decides. Offsets of +-4 keep the three
 * regions ordered whatever the second score's range.
 */
export function cascade(first: number[], second: number[], band: Band): { score: number[]; inBand: boolean[] } {
  const inBand = first.map((s) => s !== -1 && s >= band.lo && s <= band.hi);
  const score = first.map((s, p) => (s === -1 ? -8 : s < band.lo ? s - 4 : s > band.hi ? s + 4 : second[p]));
  return { score, inBand };
}

/**
 * Fisher's linear discriminant on the fit half: w ~ (Sg + Si)^-1 (mean genuine - mean impostor),
 * over all of that half's pairs rather than its few highest impostors (at FMR 0.1 % a half holds
 * about one impostor's worth, so a weight tuned there follows one pair). Negative weights are
 * clipped (a fused template needs sqrt(w)), then the weights are scaled to sum to 1.
 */
export function fisherWeights(fit: PairScores): number[] {
  const m = fit.cos.length;
  const rows = (same: boolean) => fit.pairs.map((p, k) => (p.same === same && fit.cos.every((c) => c[k] !== -1) ? fit.cos.map((c) => c[k]) : null)).filter((r): r is number[] => r !== null);
  const stats = (r: number[][]) => {
    const mean = Array.from({ length: m }, (_, j) => r.reduce((s, x) => s + x[j], 0) / r.length);
    const cov = mean.map((_, a) => mean.map((__, b) => r.reduce((s, x) => s + (x[a] - mean[a]) * (x[b] - mean[b]), 0) / (r.length - 1)));
    return { mean, cov };
  };
  const g = stats(rows(true)), i = stats(rows(false));
  const w = solve(g.cov.map((row, a) => row.map((v, b) => v + i.cov[a][b])), g.mean.map((v, j) => v - i.mean[j])).map((x) => Math.max(0, x));
  const sum = w.reduce((s, x) => s + x, 0);
  return w.map((x) => x / sum);
}

// Gaussian elimination with partial pivoting (m <= 3 here).
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, k) => [...row, b[k]]);
  for (let c = 0; c < n; c++) {
    const p = m.reduce((best, row, r) => (r >= c && Math.abs(row[c]) > Math.abs(m[best][c]) ? r : best), c);
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, k) => row[n] / row[k]);
}
