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
export type ModelManifest = { converterVersion: number; models: ModelEntry[] };

export const MANIFEST_PATH = fileURLToPath(new URL("../manifest.json", import.meta.url));
export const ONNX_DIR = fileURLToPath(new URL("../onnx/", import.meta.url));

export function readManifest(path = MANIFEST_PATH): ModelManifest {
  return JSON.parse(readFileSync(path, "utf8")) as ModelManifest;
}

export function writeManifest(manifest: ModelManifest, path = MANIFEST_PATH): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, path);
}
