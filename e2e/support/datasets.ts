import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { datasetsForSuite, facesDatasetDir, padDatasetDir } from "@/lib/vision/datasets";

// The shared face datasets are read in place (never copied into the repo): ../shared/datasets beside
// the checkout, or FACES_DATASET / PAD_DATASET.
export const facesDir = facesDatasetDir();
export const padDir = padDatasetDir();
export const datasetsPresent = existsSync(facesDir) && existsSync(padDir);

/** Says why a suite is skipped on a machine without the datasets; in CI their absence fails the suite. */
export function warnIfDatasetsMissing(suite: string): void {
  datasetsForSuite(suite, [facesDir, padDir]);
}

export function faceImage(relative: string): Blob {
  return new Blob([readFileSync(path.join(facesDir, relative))], { type: "image/jpeg" });
}

export function padImage(relative: string): Blob {
  return new Blob([readFileSync(path.join(padDir, relative))], { type: "image/jpeg" });
}

// Playwright: specs that need faces are skipped, saying why, on a machine without the datasets; in CI
// (and on the development machines) they are always there, and their absence fails the spec.
export function requireFaceDatasets(t: { skip: (condition: boolean, description: string) => void }): void {
  t.skip(!datasetsForSuite("playwright", [facesDir, padDir]), `face datasets not found at ${facesDir} (set FACES_DATASET and PAD_DATASET)`);
}
