// npm run build: the production Next.js build, stamped with the source fingerprint `npm start` checks.
import { writeFileSync } from "node:fs";
import { bundleVisionWorker } from "./bundle-vision-worker.mjs";
import { fingerprintFile, nextBin, runOrExit, sourceFingerprint } from "./lib.mjs";

const fingerprint = sourceFingerprint();
await bundleVisionWorker();
await runOrExit(process.execPath, [nextBin, "build"]);
writeFileSync(fingerprintFile, fingerprint);
