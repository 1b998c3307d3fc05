// npm test: lint, typecheck, production build, vitest (unit + integration against SQLite and
// PostgreSQL), Playwright in Debian's Chromium. Ends with one line `N passed, N failed` over all suites.
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { bundleVisionWorker } from "./bundle-vision-worker.mjs";
import { countPlaywright } from "./count-playwright.mjs";
import { bin, fingerprintFile, root, run, sourceFingerprint } from "./lib.mjs";

const results = join(root, "test-results");
rmSync(join(results, "vitest-summary.json"), { force: true });
rmSync(join(results, "playwright.json"), { force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
function record(suite, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${suite.padEnd(12)} ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

console.log("\n▶ lint (eslint)");
const lint = await run(bin("eslint"), [".", "--max-warnings=0"]);
record("lint", lint === 0 ? 1 : 0, lint === 0 ? 0 : 1);

console.log("\n▶ typecheck (tsc)");
const tsc = await run(bin("tsc"), ["--noEmit", "-p", "."]);
record("typecheck", tsc === 0 ? 1 : 0, tsc === 0 ? 0 : 1);

// models are converted by npm install; this re-checks them (no-op when current)
await run(bin("tsx"), [join(root, "models", "scripts", "prepare.ts")]);
await bundleVisionWorker();

const built = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, "utf8") : "";
let buildOk = built === sourceFingerprint();
if (!buildOk) {
  console.log("\n▶ build (next build)");
  buildOk = (await run(process.execPath, [join(root, "scripts", "build.mjs")])) === 0;
}
record("build", buildOk ? 1 : 0, buildOk ? 0 : 1);

console.log("\n▶ vitest (unit + integration, SQLite and PostgreSQL)");
const summaryFile = join(results, "vitest-summary.json");
const vitestCode = await run(bin("vitest"), ["run", "--reporter=default", `--reporter=${join(root, "scripts", "vitest-summary-reporter.mjs")}`]);
const vitest = readJson(summaryFile);
if (vitest) {
  if (vitest.brokenSetup.length) console.log(`vitest: counted as failed because their setup failed:\n  ${vitest.brokenSetup.join("\n  ")}`);
  record("vitest", vitest.passed, vitest.failed + (vitestCode !== 0 && vitest.failed === 0 ? 1 : 0), vitest.skipped);
} else record("vitest", 0, 1);

console.log("\n▶ playwright (Chromium)");
const pwCode = await run(bin("playwright"), ["test"]);
const pw = readJson(join(results, "playwright.json"));
if (pw?.stats) {
  const counts = countPlaywright(pw);
  record("playwright", counts.passed, counts.failed + (pwCode !== 0 && counts.failed === 0 ? 1 : 0), counts.skipped);
} else record("playwright", 0, 1);

console.log(`\n${lines.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed === 0 ? 0 : 1);
