// npm run bench:recognisers - dlib, MobileFace V2 and Intel face-reidentification-retail-0095 on
// faces-dev, alone, fused (weighted sum of cosines, weights fitted on half of the identities) and as a
// cascade; plus each model's CPU time per face. Prints figures; it is not a test and changes nothing
// in the engine. FACES_DATASET overrides the dataset; RECOGNISER_CACHE=file.json keeps the embeddings.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analyzeFace } from "@/lib/vision/analyze-face";
import { datasetExists, facesDatasetDir, readPairs, type LabelledPair } from "@/lib/vision/datasets";
import { builtinModelPath, modelsDir } from "@/lib/vision/model-sessions";
import { embedFace, getRecogniserConfig } from "@/lib/vision/recogniser";
import { rotateImage } from "@/lib/vision/rotate-image";
import { cosineOf, decodeFile, splitPairs } from "./embed-dataset";
import { chipBatch, createSession, embedChips, timeSession, type Variant } from "./embed-variants";
import { cascade, chooseWeights, fisherWeights, fuse, summarise, unsureBand, type PairScores } from "./fusion";

const faces = facesDatasetDir();
if (!datasetExists(faces)) {
  console.error(`faces dataset not found at ${faces} (set FACES_DATASET)`);
  process.exit(1);
}
const raw = { mean: [0, 0, 0] as [number, number, number], scale: [1, 1, 1] as [number, number, number] };
const mf = join(modelsDir(), "mobileface-v2.onnx"), reid = join(modelsDir(), "face-reid-0095.onnx");
const base: Variant[] = [
  { id: "mobileface arcface rgb", path: mf, size: 112, alignment: "arcface", bgr: false, flip: false, ...raw },
  { id: "mobileface arcface bgr", path: mf, size: 112, alignment: "arcface", bgr: true, flip: false, ...raw },
  { id: "mobileface mf-align rgb", path: mf, size: 112, alignment: "mobileface-align", bgr: false, flip: false, ...raw },
  { id: "mobileface mf-align bgr", path: mf, size: 112, alignment: "mobileface-align", bgr: true, flip: false, ...raw },
  { id: "intel omz bgr", path: reid, size: 128, alignment: "openvino-reid", bgr: true, flip: false, ...raw },
  { id: "intel omz rgb", path: reid, size: 128, alignment: "openvino-reid", bgr: false, flip: false, ...raw },
  { id: "intel arcface bgr", path: reid, size: 128, alignment: "arcface", bgr: true, flip: false, ...raw },
];
const variants = [...base, ...base.map((v) => ({ ...v, id: `${v.id} +flip`, flip: true }))];
const dlibChip: Variant = { id: "dlib", path: builtinModelPath("dlib-resnet"), size: 150, alignment: "dlib68", bgr: false, flip: false, mean: [122.782, 117.001, 104.298], scale: [1 / 256, 1 / 256, 1 / 256] };

const pairs = readPairs(faces);
const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
type Cache = Record<string, Record<string, number[] | null>>;
const cachePath = process.env.RECOGNISER_CACHE;
const cache: Cache = cachePath && existsSync(cachePath) ? JSON.parse(readFileSync(cachePath, "utf8")) : {};
const timingChips = new Map<string, Float32Array[]>();
if (Object.keys(cache).length === 0) {
  const sessions = new Map(await Promise.all([...new Set(variants.map((v) => v.path))].map(async (p) => [p, await createSession(p)] as const)));
  for (const id of ["dlib", ...variants.map((v) => v.id)]) cache[id] = {};
  for (const f of files) {
    const image = await decodeFile(join(faces, f));
    const analysis = await analyzeFace(image, { rotate: true, embed: false });
    const face = analysis.faces[0];
    const work = rotateImage(image, analysis.rotation);
    cache.dlib[f] = face ? Array.from((await embedFace(work, face, getRecogniserConfig())).embedding) : null;
    for (const v of variants) {
      if (!face) { cache[v.id][f] = null; continue; }
      const chips = chipBatch(work, face, v);
      if ((timingChips.get(v.id)?.length ?? 0) < 16) timingChips.set(v.id, [...(timingChips.get(v.id) ?? []), chips]);
      cache[v.id][f] = Array.from(await embedChips(sessions.get(v.path)!, chips, v.size));
    }
    if (face && (timingChips.get("dlib")?.length ?? 0) < 16) timingChips.set("dlib", [...(timingChips.get("dlib") ?? []), chipBatch(work, face, dlibChip)]);
  }
  if (cachePath) writeFileSync(cachePath, JSON.stringify(cache));
}

const embeddings = (id: string) => new Map(Object.entries(cache[id]).map(([f, e]) => [f, e ? Float32Array.from(e) : undefined]));
const cosines = (id: string, ps: LabelledPair[]) => { const e = embeddings(id); return ps.map((p) => cosineOf(e, p)); };
const { fit, eval: held } = splitPairs(pairs);
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const row = (name: string, ps: LabelledPair[], score: number[], extra = "") => {
  const c = summarise(ps, score, "colour"), h = summarise(ps, score, "chips");
  return `| ${name} | ${pct(c.eer)} | ${pct(c.fnmr)} | ${c.auc.toFixed(4)} | ${pct(h.eer)} | ${pct(h.fnmr)} | ${h.auc.toFixed(4)} |${extra}`;
};
const header = (extra = "") => `| recogniser | colour EER | colour FNMR@FMR0.1% | colour AUC | chips EER | chips FNMR@FMR0.1% | chips AUC |${extra}\n|---|---|---|---|---|---|---|${extra ? "---|" : ""}`;

console.log(`\n== each recogniser alone, all ${pairs.length} pairs (no fitting involved); last column: the grid-search objective on the fit half`);
console.log(header(" fit objective |"));
for (const id of ["dlib", ...variants.map((v) => v.id)]) {
  const fitScore = chooseWeights({ pairs: fit, cos: [cosines(id, fit)] }).objective;
  console.log(row(id, pairs, cosines(id, pairs), ` ${fitScore.toFixed(4)} |`));
}

// The variant each model ships with: what upstream documents, checked against the fit half above.
const chosen = { dlib: "dlib", mobileface: process.env.MOBILEFACE_VARIANT ?? "mobileface arcface rgb", intel: process.env.INTEL_VARIANT ?? "intel omz bgr" };
const combos: [string, string[]][] = [
  ["dlib + MobileFace", [chosen.dlib, chosen.mobileface]],
  ["dlib + Intel", [chosen.dlib, chosen.intel]],
  ["MobileFace + Intel", [chosen.mobileface, chosen.intel]],
  ["dlib + MobileFace + Intel", [chosen.dlib, chosen.mobileface, chosen.intel]],
];
const scoresOf = (ids: string[], ps: LabelledPair[]): PairScores => ({ pairs: ps, cos: ids.map((id) => cosines(id, ps)) });
const weightText = (w: number[]) => ` ${w.map((x) => x.toFixed(2)).join(" / ")} |`;
console.log(`\n== fusions: weights by Fisher's discriminant on the fit half (${fit.length} pairs); all pairs, then the held-out half (${held.length} pairs)`);
console.log(header(" weights |"));
const fused = new Map<string, number[]>();
for (const [name, ids] of combos) {
  const weights = fisherWeights(scoresOf(ids, fit));
  fused.set(name, weights);
  console.log(row(`${name} (all)`, pairs, fuse(scoresOf(ids, pairs).cos, weights), weightText(weights)));
  console.log(row(`${name} (held-out)`, held, fuse(scoresOf(ids, held).cos, weights), weightText(weights)));
}
for (const id of Object.values(chosen)) console.log(row(`${id} alone (held-out)`, held, cosines(id, held), " |"));
{
  // a weighted sum of cosines is the cosine of one template [sqrt(w1) e1, sqrt(w2) e2]: checked on every pair
  const w = fused.get("dlib + Intel")!;
  const [e1, e2] = [embeddings(chosen.dlib), embeddings(chosen.intel)];
  const template = (f: string) => {
    const a = e1.get(f), b = e2.get(f);
    return a && b ? Float32Array.from([...a.map((x) => x * Math.sqrt(w[0])), ...b.map((x) => x * Math.sqrt(w[1]))]) : undefined;
  };
  const joined = new Map(files.map((f) => [f, template(f)]));
  const direct = fuse(scoresOf([chosen.dlib, chosen.intel], pairs).cos, w);
  const gap = Math.max(...pairs.map((p, k) => Math.abs(cosineOf(joined, p) - direct[k])));
  console.log(`\ndlib + Intel stored as one ${[...e1.values()].find(Boolean)!.length + [...e2.values()].find(Boolean)!.length}-d template: max |its cosine - fused score| over all pairs = ${gap.toExponential(1)}`);
}
console.log("\nweights searched on a 0.05 grid for the fit half's colour FNMR@FMR0.1% + colour EER + chips EER instead (all pairs):");
for (const [name, ids] of combos) {
  const { weights } = chooseWeights(scoresOf(ids, fit));
  console.log(row(`${name} (grid)`, pairs, fuse(scoresOf(ids, pairs).cos, weights), weightText(weights)));
}

console.log("\n== cascade: dlib first; the second stage only for pairs whose dlib cosine is in the band where the fit half has both genuine and impostor pairs (+-0.01)");
console.log(header(" band; pairs in band |"));
const band = unsureBand(scoresOf(["dlib"], fit));
const stages: [string, (ps: LabelledPair[]) => number[]][] = [
  ["Intel", (ps) => cosines(chosen.intel, ps)],
  ["dlib + Intel", (ps) => fuse(scoresOf([chosen.dlib, chosen.intel], ps).cos, fused.get("dlib + Intel")!)],
  ["dlib + MobileFace", (ps) => fuse(scoresOf([chosen.dlib, chosen.mobileface], ps).cos, fused.get("dlib + MobileFace")!)],
];
for (const [name, second] of stages)
  for (const [label, ps] of [["all", pairs], ["held-out", held]] as const) {
    const c = cascade(cosines("dlib", ps), second(ps), band);
    const share = (subset: string) => pct(ps.filter((p, k) => p.subset === subset && c.inBand[k]).length / ps.filter((p) => p.subset === subset).length);
    console.log(row(`dlib -> ${name} (${label})`, ps, c.score, ` ${band.lo.toFixed(3)}-${band.hi.toFixed(3)}; colour ${share("colour")}, chips ${share("chips")} |`));
  }

if (timingChips.size) {
  console.log("\n== CPU per face: onnxruntime run, 1 intra-op thread, median of 200 (batch 2 with +flip)");
  const timed = ["dlib", "mobileface arcface rgb", "intel omz bgr", "mobileface arcface rgb +flip", "intel omz bgr +flip"];
  for (const id of timed) {
    const v = id === "dlib" ? dlibChip : variants.find((x) => x.id === id)!;
    const session = await createSession(v.path);
    console.log(`${id.padEnd(32)} ${(await timeSession(session, timingChips.get(id)!, v.size)).toFixed(2)} ms`);
  }
}
process.exit(0);
