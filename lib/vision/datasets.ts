import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";

// Where the shared evaluation sets live: beside the checkout (../shared/datasets/...), or wherever
// FACES_DATASET / PAD_DATASET point; relative paths are taken from the repo root (cwd).
export function facesDatasetDir(): string {
  return fromRoot(process.env.FACES_DATASET ?? "../shared/datasets/faces-dev");
}

export function padDatasetDir(): string {
  return fromRoot(process.env.PAD_DATASET ?? "../shared/datasets/pad-samples");
}

function fromRoot(p: string): string {
  return isAbsolute(p) ? p : resolve(process.cwd(), p);
}

export function datasetExists(dir: string): boolean {
  return existsSync(dir);
}

const inCi = () => !["", "0", "false"].includes((process.env.CI ?? "").toLowerCase());

/**
 * Whether the shared datasets a test suite needs are here. On a machine without them the suite is
 * skipped and says why; in CI (CI set) they must be there, so their absence throws and the suite
 * fails instead of passing on fewer tests.
 */
export function datasetsForSuite(suite: string, dirs: string[] = [facesDatasetDir(), padDatasetDir()]): boolean {
  const missing = dirs.filter((d) => !existsSync(d));
  if (missing.length === 0) return true;
  const message = `[${suite}] dataset not found at ${missing.join(", ")} (set FACES_DATASET / PAD_DATASET)`;
  if (inCi()) throw new Error(`${message}; CI requires it`);
  console.warn(`${message}: skipped`);
  return false;
}

export type LabelledPair = { a: string; b: string; same: boolean; subset: "colour" | "chips" };

export function readPairs(dir = facesDatasetDir()): LabelledPair[] {
  const lines = readFileSync(join(dir, "pairs.csv"), "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [a, b, same, subset] = line.split(",");
    return { a, b, same: same === "1", subset: subset as LabelledPair["subset"] };
  });
}

/** identity -> image paths (relative to the dataset folder) */
export function readIdentities(dir = facesDatasetDir()): Record<string, string[]> {
  return (JSON.parse(readFileSync(join(dir, "identities.json"), "utf8")) as { identities: Record<string, string[]> }).identities;
}

export function identityOf(path: string): string {
  return path.split("/")[1];
}

export type PadSample = { file: string; label: "attack" | "bona-fide"; type?: string };

export function readPadLabels(dir = padDatasetDir()): PadSample[] {
  const raw = JSON.parse(readFileSync(join(dir, "labels.json"), "utf8")) as Record<string, { label: string; attack_type?: string; type?: string }>;
  return Object.entries(raw)
    .filter(([k]) => !k.startsWith("_"))
    .map(([file, v]) => ({ file, label: v.label === "attack" ? "attack" : "bona-fide", type: v.attack_type ?? v.type }));
}
