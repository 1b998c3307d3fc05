import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileModelEntry } from "./model-manifest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/**
 * A model kept in the repository as a finished ONNX file (models/weights/<name>/, with its licence and
 * SOURCE.md): copied to `target` once its sha256 matches the manifest, so a damaged or swapped file
 * stops the install instead of loading. Returns whether `target` had to be written.
 */
export function copyWeightFile(entry: FileModelEntry, target: string, force = false): boolean {
  const bytes = readFileSync(join(ROOT, entry.source.path));
  const digest = sha256(bytes);
  if (digest !== entry.sha256) throw new Error(`models: ${entry.source.path} has sha256 ${digest}, models/manifest.json says ${entry.sha256}`);
  if (!force && existsSync(target) && sha256(readFileSync(target)) === digest) return false;
  // write-then-rename: parallel test workers may prepare at the same time on a fresh clone
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, target);
  return true;
}
