// npm run bench:liveness - passive liveness (MiniFASNet ensemble) at the default pass mark: APCER per
// attack type on pad-samples, BPCER on its bona fide images, on the colour photos of faces-dev, on the
// frames the e2e fake-camera videos feed the capture page, and how the grayscale chips fare; ms per
// score. Prints figures; it is not a test. FACES_DATASET / PAD_DATASET override the dataset folders.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { datasetExists, facesDatasetDir, padDatasetDir, readIdentities, readPadLabels } from "@/lib/vision/datasets";
import type { DecodedImage } from "@/lib/vision/types";

// Time the models where production runs them (inside an inference worker, in-process): no pool here.
process.env.VISION_WORKERS ??= "0";
const { decodeImageOrThrow } = await import("@/lib/media/decode-image");
const { analyzeFaceHere } = await import("@/lib/vision/analyze-face");
const { rotateImage } = await import("@/lib/vision/rotate-image");
const { scoreLivenessHere } = await import("@/lib/vision/score-liveness");
const { e2eCameraFrames, e2eStyleFrame } = await import("./liveness-frames");

const PASS = 50;
const faces = facesDatasetDir(), pad = padDatasetDir();
for (const dir of [faces, pad])
  if (!datasetExists(dir)) {
    console.error(`dataset not found at ${dir} (set FACES_DATASET / PAD_DATASET)`);
    process.exit(1);
  }

type Scored = { name: string; score: number | null; p: number; limitation?: string };
const timings: number[] = [];

// The API's path: checked decode (EXIF orientation applied), faces found at any of four turns.
async function score(name: string, bytes: Uint8Array): Promise<Scored> {
  const decoded = await decodeImageOrThrow(bytes);
  const analysis = await analyzeFaceHere(decoded, { rotate: true, embed: false });
  if (!analysis.faces[0]) return { name, score: null, p: 0 };
  const image: DecodedImage = { ...decoded, ...rotateImage(decoded, analysis.rotation) };
  const started = performance.now();
  const result = await scoreLivenessHere(image, analysis.faces[0]);
  timings.push(performance.now() - started);
  return { name, score: result.score, p: result.probability, limitation: result.limitation };
}

const passes = (s: Scored) => s.score !== null && s.score >= PASS && !s.limitation;
const line = (s: Scored) => `  ${s.name.padEnd(40)} ${s.score === null ? "no face" : `p ${s.p.toFixed(3)} score ${String(s.score).padStart(3)}`}${s.limitation ? ` (${s.limitation})` : ""} ${passes(s) ? "pass" : "DECLINE"}`;
const rate = (n: number, d: number) => `${n}/${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;

console.log(`== pad-samples (pass mark ${PASS}); 9 images prove very little`);
const attacks = new Map<string, Scored[]>();
const bona: Scored[] = [];
for (const s of readPadLabels(pad)) {
  const r = await score(s.file, readFileSync(join(pad, s.file)));
  console.log(`${line(r)}  ${s.label === "attack" ? s.type : "bona fide"}`);
  if (s.label === "bona-fide") bona.push(r);
  else {
    const type = (s.type ?? "attack").split(" (")[0];
    attacks.set(type, [...(attacks.get(type) ?? []), r]);
  }
}
for (const [type, list] of attacks) console.log(`APCER ${type}: ${rate(list.filter(passes).length, list.length)}`);
const allAttacks = [...attacks.values()].flat();
console.log(`APCER all attacks: ${rate(allAttacks.filter(passes).length, allAttacks.length)}`);
console.log(`BPCER bona fide: ${rate(bona.filter((s) => !passes(s)).length, bona.length)}`);

const info = JSON.parse(readFileSync(join(faces, "identities.json"), "utf8")) as { identity_info: Record<string, { subset: string }> };
const colour: Scored[] = [], chips: Scored[] = [], framed: Scored[] = [];
for (const [id, paths] of Object.entries(readIdentities(faces)))
  for (const p of paths) {
    const bytes = readFileSync(join(faces, p));
    if (info.identity_info[id]?.subset === "chips") chips.push(await score(p, bytes));
    else {
      colour.push(await score(p, bytes));
      const frame = await e2eStyleFrame(join(faces, p));
      if (frame) framed.push(await score(`${p} (framed)`, frame));
    }
  }

console.log(`\n== faces-dev colour photos (web photos, not live captures)`);
for (const s of colour.filter((c) => !passes(c))) console.log(line(s));
console.log(`BPCER colour photos: ${rate(colour.filter((s) => !passes(s)).length, colour.length)}`);

console.log(`\n== e2e fake-camera frames (the y4m videos the Playwright specs play, first frame, JPEG q90 as the page uploads)`);
const e2e: Scored[] = [];
for (const { name, jpeg } of await e2eCameraFrames(faces)) e2e.push(await score(name, jpeg));
for (const s of e2e) console.log(line(s));
console.log(`BPCER e2e frames: ${rate(e2e.filter((s) => !passes(s)).length, e2e.length)}`);
for (const s of framed.filter((c) => !passes(c))) console.log(line(s));
console.log(`BPCER every colour photo framed the same way (synthetic): ${rate(framed.filter((s) => !passes(s)).length, framed.length)}`);

console.log(`\n== faces-dev grayscale 150 px chips (not live captures: declined for what they lack)`);
const reasons = new Map<string, number>();
for (const s of chips) reasons.set(s.limitation ?? (passes(s) ? "passed" : "low score"), (reasons.get(s.limitation ?? (passes(s) ? "passed" : "low score")) ?? 0) + 1);
console.log(`declined ${rate(chips.filter((s) => !passes(s)).length, chips.length)}: ${[...reasons].map(([k, n]) => `${k} ${n}`).join(", ")}`);

console.log(`\n== other pass marks (APCER all attacks | BPCER pad bona fide | colour | e2e-style frames)`);
for (const mark of [30, 40, 50, 60, 70, 80]) {
  const ok = (s: Scored) => s.score !== null && s.score >= mark && !s.limitation;
  console.log(`  ${String(mark).padStart(3)}: ${allAttacks.filter(ok).length}/${allAttacks.length} | ${bona.filter((s) => !ok(s)).length}/${bona.length} | ${colour.filter((s) => !ok(s)).length}/${colour.length} | ${framed.filter((s) => !ok(s)).length}/${framed.length}`);
}

const sorted = [...timings].sort((a, b) => a - b);
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
console.log(`\nscore time (2 models x 5 boxes, one thread, after the face is found): mean ${(timings.reduce((a, b) => a + b, 0) / timings.length).toFixed(1)} ms, p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${timings.length} images`);
