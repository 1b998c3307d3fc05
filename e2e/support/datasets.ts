import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The shared face datasets are read in place (never copied into the repo): ../shared/datasets beside
// the checkout, or FACES_DATASET / PAD_DATASET.
const root = path.resolve(import.meta.dirname, "..", "..");
export const facesDir = path.resolve(root, process.env.FACES_DATASET ?? "../shared/datasets/faces-dev");
export const padDir = path.resolve(root, process.env.PAD_DATASET ?? "../shared/datasets/pad-samples");
export const datasetsPresent = existsSync(facesDir) && existsSync(padDir);

export function warnIfDatasetsMissing(suite: string): void {
  if (!datasetsPresent) console.warn(`[${suite}] skipped: face datasets not found at ${facesDir} / ${padDir} (set FACES_DATASET and PAD_DATASET)`);
}

export function faceImage(relative: string): Blob {
  return new Blob([readFileSync(path.join(facesDir, relative))], { type: "image/jpeg" });
}

export function padImage(relative: string): Blob {
  return new Blob([readFileSync(path.join(padDir, relative))], { type: "image/jpeg" });
}

// Playwright: specs that need faces are skipped, saying why, on a machine without the datasets (on the
// development machines and in CI they are always there and these specs run).
export function requireFaceDatasets(t: { skip: (condition: boolean, description: string) => void }): void {
  t.skip(!datasetsPresent, `face datasets not found at ${facesDir} (set FACES_DATASET and PAD_DATASET)`);
}
