// Fits the cosine -> 0-100 score calibration of the configured built-in recogniser on the "fit" half of the
// faces-dev identities and writes lib/vision/calibration.json. Run: npx tsx scripts/bench/fit-calibration.ts
// cos50 = the equal-error threshold of the fit half; cos70 = a threshold above every fit-half
// impostor pair (i.e. an empirical FMR below 1/N impostors), so 70 is a conservative accept point.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { facesDatasetDir, readPairs } from "@/lib/vision/datasets";
import { getRecogniserConfig } from "@/lib/vision/recogniser";
import { cosineOf, embedPairImages, splitPairs } from "./embed-dataset";
import { equalErrorRate } from "./metrics";

const dir = facesDatasetDir();
const pairs = readPairs(dir);
const emb = await embedPairImages(dir, pairs);
const { fit } = splitPairs(pairs);
const genuine = fit.filter((p) => p.same).map((p) => cosineOf(emb, p));
const impostor = fit.filter((p) => !p.same).map((p) => cosineOf(emb, p));
const eer = equalErrorRate(genuine, impostor);
const maxImpostor = Math.max(...impostor);
const cos50 = Number(eer.threshold.toFixed(4));
const cos70 = Number(Math.max(maxImpostor + 0.002, cos50 + 0.01).toFixed(4));
const model = getRecogniserConfig().modelId.split("@")[0];
const result = {
  cos50,
  cos70,
  fittedOn: `faces-dev fit half: ${genuine.length} genuine, ${impostor.length} impostor pairs (identities alternate by sorted name)`,
};
const file = fileURLToPath(new URL("../../lib/vision/calibration.json", import.meta.url));
const all = { ...JSON.parse(readFileSync(file, "utf8")), [model]: result };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
console.log(model, result, { fitEer: eer.eer });
