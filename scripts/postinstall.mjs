// npm install: generate the Prisma clients, prepare the face models (converted to ONNX from the
// weights shipped in npm packages, cached in models/onnx/) and bundle the inference worker. All offline.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bin, root, runOrExit } from "./lib.mjs";

await runOrExit(process.execPath, [join(root, "prisma", "scripts", "generate.mjs")]);
const prepare = join(root, "models", "scripts", "prepare.ts");
if (existsSync(prepare)) await runOrExit(bin("tsx"), [prepare]);
// after the models: the bundle carries models/manifest.json
await runOrExit(process.execPath, [join(root, "scripts", "bundle-vision-worker.mjs")]);
