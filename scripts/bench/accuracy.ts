// npm run bench:accuracy - recogniser accuracy on faces-dev pairs (liveness: npm run bench:liveness).
// Prints figures; it is not a test. FACES_DATASET overrides the dataset folder.
import { compareEmbeddings } from "@/lib/vision/compare-embeddings";
import { datasetExists, facesDatasetDir, readPairs, type LabelledPair } from "@/lib/vision/datasets";
import { getRecogniserConfig } from "@/lib/vision/recogniser";
import { cosineOf, embedPairImages, splitPairs } from "./embed-dataset";
import { equalErrorRate, fnmrAtFmr, ratesAt, rocAuc } from "./metrics";

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const faces = facesDatasetDir();
if (!datasetExists(faces)) {
  console.error(`faces dataset not found at ${faces} (set FACES_DATASET)`);
  process.exit(1);
}
const modelId = getRecogniserConfig().modelId;
const pairs = readPairs(faces);
const started = performance.now();
const emb = await embedPairImages(faces, pairs);
const missing = [...emb.entries()].filter(([, e]) => !e).map(([f]) => f);
console.log(`recogniser ${modelId}; ${emb.size} images embedded in ${((performance.now() - started) / 1000).toFixed(1)} s; no face: ${missing.length ? missing.join(", ") : "none"}`);

const figures: Record<string, { genuine: number; impostor: number; eer: number; fnmrAtFmr0001: number }> = {};
function report(title: string, subsetPairs: LabelledPair[]) {
  const g = subsetPairs.filter((p) => p.same).map((p) => cosineOf(emb, p));
  const i = subsetPairs.filter((p) => !p.same).map((p) => cosineOf(emb, p));
  const eer = equalErrorRate(g, i);
  const at = fnmrAtFmr(g, i, 0.001);
  figures[title] = { genuine: g.length, impostor: i.length, eer: Number(eer.eer.toFixed(4)), fnmrAtFmr0001: Number(at.fnmr.toFixed(4)) };
  console.log(`${title.padEnd(22)} genuine ${String(g.length).padStart(3)} impostor ${String(i.length).padStart(4)}  EER ${pct(eer.eer)} (cos ${eer.threshold.toFixed(3)})  FNMR@FMR0.1% ${pct(at.fnmr)}  AUC ${rocAuc(g, i).toFixed(4)}`);
}

// Scores at the default thresholds, on pairs whose identities the calibration never saw.
const heldOut: Record<string, { genuine: number; impostor: number; points: { score: number; fmrImpostorsAbove: number; fnmr: number }[] }> = {};
function reportScores(title: string, subsetPairs: LabelledPair[]) {
  const score = (p: LabelledPair) => {
    const a = emb.get(p.a), b = emb.get(p.b);
    return a && b ? compareEmbeddings({ embedding: a, modelId }, { embedding: b, modelId }).score : 0;
  };
  const g = subsetPairs.filter((p) => p.same).map(score);
  const i = subsetPairs.filter((p) => !p.same).map(score);
  const r70 = ratesAt(g, i, 70), r50 = ratesAt(g, i, 50);
  heldOut[title] = { genuine: g.length, impostor: i.length, points: [r50, r70].map((r, k) => ({ score: [50, 70][k], fmrImpostorsAbove: Math.round(r.fmr * i.length), fnmr: Number(r.fnmr.toFixed(4)) })) };
  console.log(`${title.padEnd(22)} score>=70: FMR ${pct(r70.fmr)} FNMR ${pct(r70.fnmr)} | score>=50: FMR ${pct(r50.fmr)} FNMR ${pct(r50.fnmr)}  (${g.length}+${i.length} pairs)`);
}

console.log("\n== recognition, all pairs (threshold-free metrics)");
for (const subset of ["colour", "chips"] as const) report(subset, pairs.filter((p) => p.subset === subset));
const { eval: held } = splitPairs(pairs);
console.log("\n== recognition, held-out half of identities (calibration fitted on the other half)");
for (const subset of ["colour", "chips"] as const) report(`${subset} (held-out)`, held.filter((p) => p.subset === subset));
for (const subset of ["colour", "chips"] as const) reportScores(`${subset} (held-out)`, held.filter((p) => p.subset === subset));
reportScores("both (held-out)", held);

const both = heldOut["both (held-out)"];
const publishable = { recogniser: modelId, colour: figures.colour, chips: figures.chips, heldOut: { genuine: both.genuine, impostor: both.impostor, points: both.points } };
console.log("\n== figures for lib/vision/published-accuracy.json (the tuning page and the accuracy test read that file)");
console.log(JSON.stringify(publishable, null, 2));
console.log("\npassive liveness: npm run bench:liveness");
