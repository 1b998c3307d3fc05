// npm run bench:accuracy - recogniser accuracy on faces-dev pairs and liveness on pad-samples.
// Prints figures; it is not a test. FACES_DATASET / PAD_DATASET override the dataset folders.
import { join } from "node:path";
import { compareEmbeddings } from "@/lib/vision/compare-embeddings";
import { analyzeFace } from "@/lib/vision/analyze-face";
import { datasetExists, facesDatasetDir, padDatasetDir, readIdentities, readPadLabels, readPairs, type LabelledPair } from "@/lib/vision/datasets";
import { getRecogniserConfig } from "@/lib/vision/recogniser";
import { scoreLiveness } from "@/lib/vision/score-liveness";
import { cosineOf, decodeFile, embedPairImages, splitPairs } from "./embed-dataset";
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

function report(title: string, subsetPairs: LabelledPair[]) {
  const g = subsetPairs.filter((p) => p.same).map((p) => cosineOf(emb, p));
  const i = subsetPairs.filter((p) => !p.same).map((p) => cosineOf(emb, p));
  const eer = equalErrorRate(g, i);
  const at = fnmrAtFmr(g, i, 0.001);
  console.log(`${title.padEnd(22)} genuine ${String(g.length).padStart(3)} impostor ${String(i.length).padStart(4)}  EER ${pct(eer.eer)} (cos ${eer.threshold.toFixed(3)})  FNMR@FMR0.1% ${pct(at.fnmr)}  AUC ${rocAuc(g, i).toFixed(4)}`);
}

// Scores at the default thresholds, on pairs whose identities the calibration never saw.
function reportScores(title: string, subsetPairs: LabelledPair[]) {
  const score = (p: LabelledPair) => {
    const a = emb.get(p.a), b = emb.get(p.b);
    return a && b ? compareEmbeddings({ embedding: a, modelId }, { embedding: b, modelId }).score : 0;
  };
  const g = subsetPairs.filter((p) => p.same).map(score);
  const i = subsetPairs.filter((p) => !p.same).map(score);
  const r70 = ratesAt(g, i, 70), r50 = ratesAt(g, i, 50);
  console.log(`${title.padEnd(22)} score>=70: FMR ${pct(r70.fmr)} FNMR ${pct(r70.fnmr)} | score>=50: FMR ${pct(r50.fmr)} FNMR ${pct(r50.fnmr)}  (${g.length}+${i.length} pairs)`);
}

console.log("\n== recognition, all pairs (threshold-free metrics)");
for (const subset of ["colour", "chips"] as const) report(subset, pairs.filter((p) => p.subset === subset));
const { eval: held } = splitPairs(pairs);
console.log("\n== recognition, held-out half of identities (calibration fitted on the other half)");
for (const subset of ["colour", "chips"] as const) report(`${subset} (held-out)`, held.filter((p) => p.subset === subset));
for (const subset of ["colour", "chips"] as const) reportScores(`${subset} (held-out)`, held.filter((p) => p.subset === subset));
reportScores("both (held-out)", held);

console.log("\n== passive liveness (pass mark 50) - 9 PAD images prove very little");
const pad = padDatasetDir();
if (!datasetExists(pad)) console.log(`pad dataset not found at ${pad} (set PAD_DATASET); skipped`);
else {
  let attacksPassed = 0, bonaRejected = 0, attacks = 0, bona = 0;
  for (const s of readPadLabels(pad)) {
    const image = await decodeFile(join(pad, s.file));
    const a = await analyzeFace(image, { rotate: true, embed: false });
    const face = a.faces[0];
    const live = face ? await scoreLiveness(image, face) : undefined;
    const passed = (live?.score ?? 0) >= 50;
    if (s.label === "attack") { attacks++; if (passed) attacksPassed++; } else { bona++; if (!passed) bonaRejected++; }
    console.log(`  ${s.label.padEnd(9)} ${s.file.padEnd(34)} ${live ? `score ${live.score.toFixed(1)}` : "no face"} ${passed ? "pass" : "FLAG"}`);
  }
  console.log(`PAD samples: APCER ${attacksPassed}/${attacks} (${pct(attacksPassed / attacks)}), BPCER ${bonaRejected}/${bona} (${pct(bonaRejected / bona)})`);
}
let devBona = 0, devRejected = 0;
for (const paths of Object.values(readIdentities(faces)))
  for (const p of paths) {
    const image = await decodeFile(join(faces, p));
    const a = await analyzeFace(image, { embed: false });
    if (!a.faces[0]) continue;
    devBona++;
    if ((await scoreLiveness(image, a.faces[0])).score < 50) devRejected++;
  }
console.log(`faces-dev bona-fide: BPCER ${devRejected}/${devBona} (${pct(devRejected / devBona)}) (web photos, not live captures)`);
