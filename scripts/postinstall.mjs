// npm install: generate the Prisma clients and prepare the face models (converted to ONNX from the
// weights shipped in npm packages, cached in models/onnx/). Both are offline.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { bin, root, runOrExit } from "./lib.mjs";

await runOrExit(process.execPath, [join(root, "prisma", "scripts", "generate.mjs")]);
const prepare = join(root, "models", "scripts", "prepare.ts");
if (existsSync(prepare)) await runOrExit(bin("tsx"), [prepare]);
