import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "../support/axe";
import { loginConsole } from "../support/console-login";
import { requireFaceDatasets } from "../support/datasets";
import { consoleCall, createReviewCase } from "../support/review-case";
import { workflowIdByLabel, type Api } from "../support/sessions";
import { signInPage } from "../support/sign-in-page";
import { startTestServer, type TestServer } from "../support/test-server";

// WCAG 2.1 AA (axe-core) on every console page, signed in as an admin (who sees every control), with a
// real case in review so the queue, the case and the end user's page have content.
const admin = { email: "first@a11y.test", password: "first-admin-password" };
const apiKey = "a11y-console-key-0123456789abcdef";
type Ids = { caseId: string; listId: string; workflowId: string };

// One line per page: adding a page to the check is adding a line here.
const consolePages: { name: string; path: (ids: Ids) => string }[] = [
  { name: "overview", path: () => "/overview" },
  { name: "sessions", path: () => "/sessions" },
  { name: "a session (the case)", path: (ids) => `/sessions/${ids.caseId}` },
  { name: "review queue", path: () => "/review" },
  { name: "users", path: () => "/users" },
  { name: "a user", path: () => "/users/alice" },
  { name: "lists", path: () => "/lists" },
  { name: "a list", path: (ids) => `/lists/${ids.listId}` },
  { name: "workflows", path: () => "/workflows" },
  { name: "workflow builder", path: (ids) => `/workflows/${ids.workflowId}` },
  { name: "workflow performance", path: (ids) => `/workflows/${ids.workflowId}/performance` },
  { name: "playground", path: () => "/playground" },
  { name: "threshold tuning", path: () => "/tuning" },
  { name: "settings (branding, team)", path: () => "/settings" },
  { name: "API keys", path: () => "/api-keys" },
  { name: "API requests", path: () => "/api-requests" },
  { name: "audit log", path: () => "/audit" },
  { name: "webhooks", path: () => "/webhooks" },
];

// axe walks the whole page and a camera screen runs a detector: slow on a busy two-core machine
test.describe.configure({ timeout: 240_000 });
let server: TestServer;
let ids: Ids;

requireFaceDatasets(test);
test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey, ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, TRUSTED_PROXIES: "127.0.0.1" } });
  const a: Api = { url: server.url, key: apiKey };
  const cookie = (await loginConsole(server.url, admin.email, admin.password))!;
  const made = await createReviewCase(a, cookie);
  const lists = await consoleCall(server.url, cookie, "GET", "/api/console/lists");
  ids = { caseId: made.case.id, listId: lists.body.data[0].id, workflowId: await workflowIdByLabel(a, "Selfie re-auth") };
});
test.afterAll(async () => server?.stop());

const signIn = (page: Page) => signInPage(page, server.url, admin);

test.describe("console", () => {
  test("setup and login pages", async ({ page }) => {
    // the one-time setup link of a server that has no admin yet
    const fresh = await startTestServer();
    try {
      const link = fresh.output().match(/(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/)?.[1];
      expect(link, fresh.output()).toBeTruthy();
      await page.goto(link!);
      await expect(page.getByRole("button", { name: "Create admin account" })).toBeVisible();
      await expectNoAxeViolations(page, "setup");
    } finally {
      await fresh.stop();
    }
    await page.goto(`${server.url}/login`);
    await expectNoAxeViolations(page, "login");
    // a wrong password: the error is announced and the page still passes
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await expectNoAxeViolations(page, "login with an error");
  });

  for (const p of consolePages) {
    test(`axe: ${p.name}`, async ({ page }) => {
      await signIn(page);
      const response = await page.goto(`${server.url}${p.path(ids)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      await expectNoAxeViolations(page, p.name);
    });
  }

  test("keyboard focus is visible in the console", async ({ page }) => {
    await signIn(page);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return { what: `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`, ring: (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none" };
      });
      expect(focus.ring, `no focus ring on ${focus.what}`).toBe(true);
    }
  });

  test("branding: text on the brand colour is computed, and a colour that cannot reach 4.5:1 is flagged", async ({ page }) => {
    await signIn(page);
    await page.goto(`${server.url}/settings`);
    const color = page.getByLabel("Brand colour");
    await color.fill("#facc15");
    await expect(page.getByTestId("brand-contrast-warning")).toHaveCount(0);
    await expect(page.locator("[aria-label=Preview]").getByText("Start", { exact: true })).toHaveCSS("color", "rgb(15, 23, 42)");
    await color.fill("#1c7ed6");
    await expect(page.getByTestId("brand-contrast-warning")).toContainText("4.25:1");
    await page.getByTestId("brand-contrast-warning").locator("xpath=ancestor::form").screenshot({ path: "e2e/snapshots/console-branding-contrast.png" });
    // the preview shows the chosen colour as end users would get it: its low contrast is what the warning
    // is about, so it is left out; everything else on the page must pass
    await expectNoAxeViolations(page, "settings with a contrast warning", { exclude: ["[aria-label=Preview]"] });
  });
});
