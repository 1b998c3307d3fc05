import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT, sha256, writeFileAtomically, type FileModelEntry } from "./model-manifest";

/**
 * A model kept in the repository as a finished ONNX file (models/weights/<name>/, with its licence and
 * SOURCE.md): copied to `target` once its sha256 matches the manifest, so a damaged or swapped file
 * stops the install instead of loading. Returns whether `target` had to be written.
 */
export function copyWeightFile(entry: FileModelEntry, target: string, force = false): boolean {
  const bytes = readFileSync(join(REPO_ROOT, entry.source.path));
  const digest = sha256(bytes);
  if (digest !== entry.sha256) throw new Error(`models: ${entry.source.path} has sha256 ${digest}, models/manifest.json says ${entry.sha256}`);
  if (!force && existsSync(target) && sha256(readFileSync(target)) === digest) return false;
  writeFileAtomically(target, bytes);
  return true;
}
