// Bundles the inference worker (lib/vision/inference-worker.ts and the engine code it runs) into
// lib/generated/vision/inference-worker.mjs: worker threads run plain JavaScript outside the Next.js
// bundle. Run by npm install, npm run build and npm test (and vitest's global setup); ~0.3 s.
// Without the bundle the engine runs its models on the event loop (correct, slower).
import { join } from "node:path";
import { build } from "esbuild";
import { root } from "./lib.mjs";

export const workerBundle = join(root, "lib", "generated", "vision", "inference-worker.mjs");

export async function bundleVisionWorker() {
  await build({
    entryPoints: [join(root, "lib", "vision", "inference-worker.ts")],
    outfile: workerBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    tsconfig: join(root, "tsconfig.json"),
    // native addons load from node_modules at run time
    external: ["onnxruntime-node", "sharp"],
    banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
    logLevel: "warning",
  });
}

// vitest globalSetup
export default async function setup() {
  await bundleVisionWorker();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop())) await bundleVisionWorker();
