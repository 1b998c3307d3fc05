import { expect, test } from "@playwright/test";
import { measureStartScreenScripts, START_SCREEN_JS_BUDGET_GZIP } from "../support/hosted-page-weight";
import { api, workflowIdByLabel } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// A cheap phone on a slow network pays for every kilobyte before the start screen works: the real
// build's start screen stays within 150 KB of gzipped JavaScript, and the face-guidance runtime
// (onnxruntime-web, its wasm and the detector model) is fetched only once the camera starts.
const apiKey = "page-weight-key-0123456789abcdef";
let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
});
test.afterAll(async () => server?.stop());

test("the start screen loads at most 150 KB of gzipped JavaScript and no face model", async ({ browser }) => {
  const a = { url: server.url, key: apiKey };
  const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "weight" });
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })).newPage();
  const requested: string[] = [];
  page.on("request", (req) => requested.push(new URL(req.url()).pathname));
  const { scripts, totalGzip } = await measureStartScreenScripts(page, created.body.url);
  const listing = scripts.map((s) => `${(s.gzip / 1024).toFixed(1)} KB ${s.url}`).join("\n");
  expect(scripts.length).toBeGreaterThan(0);
  expect(totalGzip, `start screen JavaScript ${(totalGzip / 1024).toFixed(1)} KB gzip:\n${listing}`).toBeLessThanOrEqual(START_SCREEN_JS_BUDGET_GZIP);
  expect(requested.filter((p) => p.startsWith("/capture-assets/"))).toEqual([]);
});
