import { expect, test } from "@playwright/test";
import { api, workflowIdByLabel } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// public/: icons, robots.txt and the hosted page's manifest are served with the right types, pages
// point at them, and loading a page asks for nothing that is missing.
const apiKey = "public-files-key-0123456789abcdef";
let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
});
test.afterAll(async () => server?.stop());

const files: [string, RegExp][] = [
  ["/favicon.ico", /^image\/(x-icon|vnd\.microsoft\.icon)/],
  ["/icon.svg", /^image\/svg\+xml/],
  ["/icon-192.png", /^image\/png/],
  ["/icon-512.png", /^image\/png/],
  ["/apple-touch-icon.png", /^image\/png/],
  ["/robots.txt", /^text\/plain/],
  ["/manifest.webmanifest", /^application\/manifest\+json/],
];

test("each public file is served with its content type", async ({ request }) => {
  for (const [file, type] of files) {
    const res = await request.get(`${server.url}${file}`);
    expect(res.status(), file).toBe(200);
    expect(res.headers()["content-type"], file).toMatch(type);
  }
  const robots = await (await request.get(`${server.url}/robots.txt`)).text();
  expect(robots).toMatch(/^User-agent: \*$/m);
  expect(robots).toMatch(/^Disallow: \/$/m);
  const manifest = await (await request.get(`${server.url}/manifest.webmanifest`)).json();
  expect(manifest).toMatchObject({ display: "standalone", theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/) });
  for (const icon of manifest.icons as { src: string }[]) expect((await request.get(`${server.url}${icon.src}`)).status(), icon.src).toBe(200);
});

test("the hosted page and the console link the icons and the manifest, are not indexed, and load without a 404", async ({ page }) => {
  const a = { url: server.url, key: apiKey };
  const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "public-files" });
  const missing: string[] = [];
  page.on("response", (res) => {
    if (res.status() === 404) missing.push(res.url());
  });
  const hosted = await page.goto(created.body.url);
  expect(hosted?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(page.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await page.waitForLoadState("networkidle");

  const login = await page.goto(`${server.url}/login`);
  expect(login?.headers()["x-robots-tag"]).toBe("noindex, nofollow");
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveAttribute("href", "/icon.svg");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
