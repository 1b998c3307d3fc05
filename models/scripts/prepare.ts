// Converts the npm-shipped face models the engine uses into models/onnx/*.onnx (offline, idempotent).
// Run: npm run models:prepare   (also from postinstall). FORCE=1 rebuilds everything.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildDlibRecogniser } from "./build-dlib-recogniser";
import { MANIFEST_PATH, ONNX_DIR, readManifest, writeManifest, type ModelEntry } from "./model-manifest";
import { resolvePackageDir } from "./resolve-package-dir";
import { convertTfjsGraph } from "./tfjs-graph-to-onnx/convert-graph";
import { readTfjsGraph } from "./tfjs-graph-to-onnx/read-tfjs-graph";

const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

function convert(entry: ModelEntry, packageDir: string): Uint8Array {
  const first = join(packageDir, entry.source.files[0]);
  if (entry.converter === "dlib-resnet") return buildDlibRecogniser(first);
  return convertTfjsGraph(readTfjsGraph(first), `${entry.id} from ${entry.source.package}@${entry.source.version}`);
}

export function prepareModels({ force = false, log = console.log } = {}): { built: string[]; skipped: string[] } {
  const started = performance.now();
  const manifest = readManifest();
  mkdirSync(ONNX_DIR, { recursive: true });
  const built: string[] = [];
  const skipped: string[] = [];
  let manifestChanged = false;
  for (const entry of manifest.models) {
    const { dir, version } = resolvePackageDir(entry.source.package);
    if (version !== entry.source.version) {
      log(`models: ${entry.source.package} is ${version}, manifest says ${entry.source.version}; converting the installed one`);
      entry.source.version = version;
      manifestChanged = true;
    }
    const sourceHash = createHash("sha256").update(`converter:${manifest.converterVersion}`);
    for (const f of entry.source.files) sourceHash.update(readFileSync(join(dir, f)));
    const sourceSha256 = sourceHash.digest("hex");
    const target = join(ONNX_DIR, entry.file);
    const current = existsSync(target) && entry.sourceSha256 === sourceSha256 && sha256(readFileSync(target)) === entry.sha256;
    if (current && !force) {
      skipped.push(entry.id);
      continue;
    }
    const bytes = convert(entry, dir);
    // write-then-rename: parallel test workers may prepare at the same time on a fresh clone
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, target);
    const digest = sha256(bytes);
    if (digest !== entry.sha256 || sourceSha256 !== entry.sourceSha256) {
      // Conversion is deterministic, so this only happens when the source or the converter changed.
      if (entry.sha256 && entry.sha256 !== digest) log(`models: ${entry.id} checksum changed ${entry.sha256.slice(0, 12)} -> ${digest.slice(0, 12)}`);
      entry.sha256 = digest;
      entry.sourceSha256 = sourceSha256;
      manifestChanged = true;
    }
    built.push(entry.id);
  }
  if (manifestChanged) writeManifest(manifest, MANIFEST_PATH);
  const ms = (performance.now() - started).toFixed(0);
  log(`models: built [${built.join(", ")}] up to date [${skipped.join(", ")}] in ${ms} ms -> ${ONNX_DIR}`);
  return { built, skipped };
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, "/").split("/").pop() ?? "");
if (isMain) prepareModels({ force: process.env.FORCE === "1" });
