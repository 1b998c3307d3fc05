import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export type ModelEntry = {
  id: string;
  task: string;
  converter: "tfjs-graph" | "dlib-resnet";
  source: { package: string; version: string; files: string[] };
  licence: string;
  file: string;
  input: { name: string; shape: number[]; layout: "nhwc" | "nchw"; normalisation: string };
  outputs: string[];
  tolerance: number;
  sha256: string;
  sourceSha256: string;
};
/** A model kept in the repository as a finished ONNX file (models/weights/), copied by prepare after a checksum check. */
export type FileModelEntry = Omit<ModelEntry, "converter" | "source"> & { converter: "file"; source: { path: string; origin: string } };
/** A model converted from source weights kept in the repository (models/weights/<name>/, with LICENSE and SOURCE.md). */
export type RepoModelEntry = Omit<ModelEntry, "converter" | "source"> & { converter: "mxnet" | "openvino-ir"; source: { dir: string; files: string[] } };
export type ModelManifest = { converterVersion: number; models: (ModelEntry | FileModelEntry | RepoModelEntry)[] };
export const isRepoModel = (entry: ModelEntry | FileModelEntry | RepoModelEntry): entry is RepoModelEntry => entry.converter === "mxnet" || entry.converter === "openvino-ir";

export const MANIFEST_PATH = fileURLToPath(new URL("../manifest.json", import.meta.url));
export const ONNX_DIR = fileURLToPath(new URL("../onnx/", import.meta.url));
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export const sha256 = (data: Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Write-then-rename: parallel test workers may prepare at the same time on a fresh clone. */
export function writeFileAtomically(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

export function readManifest(path = MANIFEST_PATH): ModelManifest {
  return JSON.parse(readFileSync(path, "utf8")) as ModelManifest;
}

export function writeManifest(manifest: ModelManifest, path = MANIFEST_PATH): void {
  writeFileAtomically(path, `${JSON.stringify(manifest, null, 2)}\n`);
}
