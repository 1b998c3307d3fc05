import { expect, test, type Page } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";

// The API reference at /docs/api in Chromium: public (no login), rendered from /v3/openapi.json with
// code samples and the webhook verification recipe, under the page's Content-Security-Policy, and
// nothing fetched from anywhere but the server itself (the viewer is bundled, no fonts or CDN).
let server: TestServer;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => server?.stop());

function watch(page: Page) {
  const offOrigin: string[] = [];
  const violations: string[] = [];
  page.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(server.url) && !url.startsWith("data:") && !url.startsWith("blob:")) offOrigin.push(url);
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return { offOrigin, violations };
}

test("renders every operation group with curl, Node and Python samples, offline and under the CSP", async ({ page }) => {
  const seen = watch(page);
  await page.goto(`${server.url}/docs/api`);
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "FaceID verification API" })).toBeVisible({ timeout: 30_000 });
  for (const summary of ["Compare two faces", "Create a verification session", "Get a session's decision", "Create a workflow", "Register a webhook destination"]) {
    await expect(page.getByRole("heading", { name: summary }).first()).toBeAttached();
  }

  const faceMatch = page.locator("section").filter({ has: page.getByRole("heading", { name: "Compare two faces" }) }).first();
  await faceMatch.scrollIntoViewIfNeeded();
  await expect(faceMatch.getByText("/v3/face-match/").first()).toBeVisible();
  await expect(faceMatch.getByText(/curl/).first()).toBeVisible();
  await expect(faceMatch.getByText(/x-api-key/).first()).toBeVisible();
  await page.screenshot({ path: "e2e/snapshots/docs-api.png" });

  expect(seen.offOrigin).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test("serves the document without a key, with an ETag that answers 304", async () => {
  const res = await fetch(`${server.url}/v3/openapi.json`);
  expect(res.status).toBe(200);
  const doc = (await res.json()) as { openapi: string; servers: { url: string }[]; webhooks: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.servers[0].url).toBe(server.url);
  expect(Object.keys(doc.webhooks)).toEqual(["status.updated"]);
  const etag = res.headers.get("etag")!;
  expect(etag).toMatch(/^".+"$/);
  expect(res.headers.get("cache-control")).toContain("max-age");
  const again = await fetch(`${server.url}/v3/openapi.json`, { headers: { "if-none-match": etag } });
  expect(again.status).toBe(304);
});
