// npm run build: the production Next.js build, stamped with the source fingerprint `npm start` checks.
import { writeFileSync } from "node:fs";
import { fingerprintFile, nextBin, runOrExit, sourceFingerprint } from "./lib.mjs";

const fingerprint = sourceFingerprint();
await runOrExit(process.execPath, [nextBin, "build"]);
writeFileSync(fingerprintFile, fingerprint);
