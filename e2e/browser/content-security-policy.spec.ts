import { createServer, type Server } from "node:http";
import { chromium, expect, test, type Page } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { loginConsole } from "../support/console-login";
import { getFreePort, startTestServer, type TestServer } from "../support/test-server";

// The console and the hosted page under their Content-Security-Policy in Chromium: every page
// renders and works with no violation (Next.js scripts by nonce, xyflow and recharts, the capture
// page), injected inline script does not run, and framing follows the policy.
const admin = { email: "csp-admin@example.test", password: "admin-password-1" };
const apiKey = "csp-spec-key-0123456789abcdef";
let server: TestServer;
let integrator: { url: string; server: Server };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, SEED_API_KEY: apiKey } });
  const port = await getFreePort();
  // another origin that frames whatever ?src= names
  const srv = createServer((req, res) => {
    const src = new URL(req.url ?? "/", "http://x").searchParams.get("src") ?? "";
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!doctype html><iframe src="${src.replace(/"/g, "&quot;")}" allow="camera" style="width:800px;height:600px"></iframe>`);
  });
  await new Promise<void>((r) => srv.listen(port, "127.0.0.1", r));
  integrator = { url: `http://127.0.0.1:${port}`, server: srv };
});
test.afterAll(async () => {
  integrator?.server.close();
  await server?.stop();
});

// Violations as the page itself sees them (securitypolicyviolation events) and as Chromium logs them.
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${location.pathname}`));
  });
  return seen;
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

async function hostedPageUrl(): Promise<string> {
  const headers = { "x-api-key": apiKey, "content-type": "application/json" };
  const workflows = (await (await fetch(`${server.url}/v3/workflows/`, { headers })).json()) as { results: { workflow_id: string; workflow_label: string }[] };
  const workflow = workflows.results.find((w) => w.workflow_label === "Liveness only")!;
  const res = await fetch(`${server.url}/v3/session/`, { method: "POST", headers, body: JSON.stringify({ workflow_id: workflow.workflow_id, vendor_data: `csp-${Date.now()}` }) });
  return ((await res.json()) as { url: string }).url;
}

test("the console renders and works under its policy: pages, charts, the workflow builder, settings", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  for (const [path, heading] of [["/sessions", "Sessions"], ["/review", "Review queue"], ["/audit", "Audit log"], ["/api-keys", "API keys"]] as const) {
    await page.goto(`${server.url}${path}`);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await page.goto(`${server.url}/tuning`);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  await page.goto(`${server.url}/workflows`);
  await page.getByRole("link", { name: "Liveness only" }).first().click();
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect(page.locator(".react-flow__edge").first()).toBeAttached();
  await page.locator(".react-flow__controls-zoomout").click();

  // client-side interaction: restrict embedding in Settings (the default shows a warning)
  await page.goto(`${server.url}/settings`);
  await expect(page.getByTestId("embed-any-warning")).toBeVisible();
  await page.getByLabel("Only these websites").check();
  await page.getByLabel("Allowed origins, one per line").fill(integrator.url);
  await page.getByRole("button", { name: "Save embedding" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByTestId("embed-any-warning")).toHaveCount(0);

  expect(violations).toEqual([]);
});

test("injected inline script does not run in the console", async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page);
  // what an HTML injection bug would let an attacker write into the page
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image" onerror="window.__injected = 1">`);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});

test("the hosted page renders under its policy, and frames only where the allowlist says", async ({ page }) => {
  const violations = await watchViolations(page);
  const url = await hostedPageUrl();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
  expect(violations).toEqual([]);

  // the first test allowed the integrator's origin: it may embed the page
  await page.goto(`${integrator.url}/?src=${encodeURIComponent(url)}`);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();

  // another allowlist: the same page refuses to be framed there
  const cookie = (await loginConsole(server.url, admin.email, admin.password))!;
  const res = await fetch(`${server.url}/api/console/application`, { method: "PATCH", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ embedOrigins: ["https://shop.example.com"] }) });
  expect(res.status).toBe(200);
  const blocked: string[] = [];
  page.on("console", (m) => blocked.push(m.text()));
  await page.goto(`${integrator.url}/?src=${encodeURIComponent(url)}`);
  await expect.poll(() => blocked.some((t) => /frame-ancestors/.test(t))).toBe(true);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "Let's confirm it's you" })).toHaveCount(0);

  // the console is never framed
  blocked.length = 0;
  await page.goto(`${integrator.url}/?src=${encodeURIComponent(`${server.url}/login`)}`);
  await expect.poll(() => blocked.some((t) => /frame-ancestors|X-Frame-Options/.test(t))).toBe(true);
  await expect(page.frameLocator("iframe").getByLabel("Email")).toHaveCount(0);
});

test("the hosted page's camera and in-browser face detector (WebAssembly) run under its policy", async () => {
  // Chromium's built-in fake camera (a test pattern): enough to open the camera and load the detector
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const violations = await watchViolations(page);
    const warnings: string[] = [];
    page.on("console", (m) => warnings.push(m.text()));
    await page.goto(await hostedPageUrl());
    await page.getByRole("button", { name: "Start" }).click();
    await expect(page.getByTestId("camera-stage")).toHaveAttribute("data-detector", "ready", { timeout: 30_000 });
    expect(warnings.filter((w) => /face detector unavailable/.test(w))).toEqual([]);
    expect(violations).toEqual([]);
  } finally {
    await browser.close();
  }
});
