// Converts the npm-shipped face models the engine uses into models/onnx/*.onnx (offline, idempotent);
// models kept in the repository as ONNX files (models/weights/) are checked and copied there, and
// source weights kept there (an MXNet checkpoint, an OpenVINO IR) converted by the readers beside this.
// Run: npm run models:prepare   (also from postinstall). FORCE=1 rebuilds everything.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildDlibRecogniser } from "./build-dlib-recogniser";
import { copyWeightFile } from "./copy-weight-file";
import { isRepoModel, MANIFEST_PATH, ONNX_DIR, readManifest, REPO_ROOT, sha256, writeFileAtomically, writeManifest, type ModelEntry, type RepoModelEntry } from "./model-manifest";
import { convertMxnetSymbol } from "./mxnet-to-onnx/convert-symbol";
import { readMxnetParams } from "./mxnet-to-onnx/read-mxnet-params";
import { readMxnetSymbol } from "./mxnet-to-onnx/read-mxnet-symbol";
import { convertIr } from "./openvino-ir-to-onnx/convert-ir";
import { readIr } from "./openvino-ir-to-onnx/read-ir";
import { resolvePackageDir } from "./resolve-package-dir";
import { convertTfjsGraph } from "./tfjs-graph-to-onnx/convert-graph";
import { readTfjsGraph } from "./tfjs-graph-to-onnx/read-tfjs-graph";

function convert(entry: ModelEntry | RepoModelEntry, packageDir: string): Uint8Array {
  const [first, second] = entry.source.files.map((f) => join(packageDir, f));
  if (isRepoModel(entry)) {
    const docString = `${entry.id} from ${entry.source.dir}`;
    if (entry.converter === "mxnet") return convertMxnetSymbol(readMxnetSymbol(first), readMxnetParams(second), { inputShape: entry.input.shape, docString });
    return convertIr(readIr(first, second), { docString });
  }
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
    if (entry.converter === "file") {
      (copyWeightFile(entry, join(ONNX_DIR, entry.file), force) ? built : skipped).push(entry.id);
      continue;
    }
    // weights kept in the repository (models/weights/) or shipped in an npm package
    let dir: string;
    if (isRepoModel(entry)) dir = join(REPO_ROOT, entry.source.dir);
    else {
      const resolved = resolvePackageDir(entry.source.package);
      dir = resolved.dir;
      if (resolved.version !== entry.source.version) {
        log(`models: ${entry.source.package} is ${resolved.version}, manifest says ${entry.source.version}; converting the installed one`);
        entry.source.version = resolved.version;
        manifestChanged = true;
      }
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
    writeFileAtomically(target, bytes);
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
