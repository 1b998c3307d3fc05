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

test("renders the operations with curl, Node and Python samples, offline and under the CSP", async ({ page }) => {
  const seen = watch(page);
  await page.goto(`${server.url}/docs/api`);
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { name: "FaceID verification API" })).toBeVisible({ timeout: 30_000 });
  const sidebar = page.getByRole("complementary");
  for (const group of ["Standalone checks", "Sessions", "Workflows", "Webhooks"]) await expect(sidebar.getByRole("link", { name: group, exact: true })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: /Compare two faces/ })).toBeVisible();

  const faceMatch = page.getByRole("region", { name: "Compare two faces" });
  await expect(faceMatch.getByText("source_image", { exact: true })).toBeVisible();
  const sample = faceMatch.locator("pre, code").filter({ hasText: "/v3/face-match/" }).first();
  await expect(sample).toContainText("curl");
  await expect(sample).toContainText("x-api-key");
  await expect(faceMatch.getByText('"score"').first()).toBeVisible();
  await faceMatch.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/snapshots/docs-api.png" });

  // the same operation in Node (fetch) and Python (requests), picked from the sample's client menu
  for (const [client, expected] of [[/Node\.js.*Fetch|Fetch/, "fetch("], [/Python.*Requests|Requests/, "requests."]] as const) {
    await faceMatch.getByRole("button", { name: /Curl|Fetch|Requests/ }).first().click();
    await page.getByRole("option", { name: client }).first().click();
    await expect(faceMatch.locator("pre, code").filter({ hasText: "/v3/face-match/" }).first()).toContainText(expected);
  }

  // a session operation and the webhook with its signature headers and the verification recipes
  await sidebar.getByRole("link", { name: "Sessions", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Create a verification session" })).toBeVisible();
  await sidebar.getByRole("link", { name: "Webhooks", exact: true }).click();
  await sidebar.getByRole("link", { name: /A session's status changed/ }).click();
  const webhook = page.getByRole("region", { name: "A session's status changed" });
  await expect(webhook.getByText("X-Signature-Simple", { exact: true }).first()).toBeVisible();
  await expect(webhook.getByText("Verify in Python")).toBeVisible();
  await expect(webhook.getByText("def verify_webhook", { exact: false })).toBeVisible();

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
