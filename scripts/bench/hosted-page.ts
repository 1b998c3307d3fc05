// The hosted page on a cheap phone: starts the production server (needs `npm run build` first),
// creates a session and measures on its start screen
//   1. the JavaScript loaded before any interaction (sum of gzip sizes; budget 150 KB),
//   2. the time from opening the link to the first camera frame, on a throttled mobile profile
//      (slow 4G over CDP, CPU slowed 4x, Chromium's fake camera), after pressing Start at once,
//   3. Lighthouse (mobile, its default simulated throttling): performance and accessibility, the median
//      of `runs` runs.
// Usage: npm run bench:hosted [-- --runs=3] [-- --report=lighthouse.json]   (CHROME_PATH / CHROMIUM_PATH:
// the Chromium to use; --report keeps Lighthouse's full JSON of the median run; run it on an idle machine: Lighthouse's
// simulated 4x CPU slowdown multiplies whatever else slows this one)
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera } from "../../e2e/fixtures/fake-camera";
import { facesDir } from "../../e2e/support/datasets";
import { measureStartScreenScripts, START_SCREEN_JS_BUDGET_GZIP } from "../../e2e/support/hosted-page-weight";
import { api, workflowIdByLabel } from "../../e2e/support/sessions";
import { getFreePort, startTestServer } from "../../e2e/support/test-server";

const chromePath = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.slice(7) ?? "3");
const reportPath = process.argv.find((a) => a.startsWith("--report="))?.slice(9);
const apiKey = "bench-hosted-key-0123456789abcdef";
// Lighthouse's "slow 4G" as applied over the wire (its mobile preset)
const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function newSessionUrl(baseUrl: string): Promise<string> {
  const a = { url: baseUrl, key: apiKey };
  // a vendor_data of its own: a second session for the same one would be the open session again
  const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: `bench-${randomUUID()}` });
  if (created.status >= 300 || !created.body?.url) throw new Error(`session not created: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.url;
}

async function main() {
  const server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
  const camera = makeFakeCamera({ kind: "face", image: path.join(facesDir, "images/deepface-01/1.jpg") });
  const browser = await chromium.launch({ executablePath: chromePath, args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`] });
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  try {
    // 1. JavaScript of the start screen
    const page = await (await browser.newContext(phone)).newPage();
    const weight = await measureStartScreenScripts(page, await newSessionUrl(server.url));
    await page.context().close();
    console.log(`start screen JavaScript: ${kb(weight.totalGzip)} gzip in ${weight.scripts.length} files (budget ${kb(START_SCREEN_JS_BUDGET_GZIP)})`);
    for (const s of weight.scripts) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.url}`);

    // 2. link to first camera frame, throttled
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const p = await (await browser.newContext(phone)).newPage();
      const cdp = await p.context().newCDPSession(p);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", slow4g);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await p.goto(await newSessionUrl(server.url), { waitUntil: "commit" });
      await p.getByRole("button", { name: "Start" }).click({ timeout: 120_000 });
      await p.waitForFunction(() => {
        const v = document.querySelector("video");
        return !!v && v.readyState >= 2 && v.videoWidth > 0;
      }, undefined, { timeout: 120_000 });
      // performance.now() counts from the navigation's start
      times.push(await p.evaluate(() => performance.now()));
      await p.context().close();
    }
    console.log(`link to first camera frame (slow 4G, 4x CPU): median ${(median(times) / 1000).toFixed(2)} s over ${runs} runs (${times.map((t) => (t / 1000).toFixed(2)).join(", ")} s)`);

    // 3. Lighthouse, mobile: `runs` runs on fresh sessions, the run with the median performance score
    //    reported (Lighthouse's own advice, its scores vary by a few points between runs)
    // a Chromium of its own, without the fake camera, that Lighthouse drives over its debugging port
    const port = await getFreePort();
    const lhBrowser = await chromium.launch({ executablePath: chromePath, args: [...chromiumArgs, `--remote-debugging-port=${port}`] });
    try {
      const reports: Result[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(await newSessionUrl(server.url), { port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
        reports.push(result!.lhr);
      }
      const score = (lhr: Result, c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const byScore = [...reports].sort((x, y) => score(x, "performance") - score(y, "performance"));
      const lhr = byScore[Math.floor(byScore.length / 2)];
      if (reportPath) writeFileSync(reportPath, JSON.stringify(lhr));
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
      console.log(`Lighthouse (mobile), median of ${runs}: performance ${score(lhr, "performance")} (runs: ${reports.map((r) => score(r, "performance")).join(", ")}), accessibility ${score(lhr, "accessibility")}; FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}`);
      const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id));
      for (const a of failed) console.log(`  accessibility audit not passed: ${a.id} (${a.title})`);
    } finally {
      await lhBrowser.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
