import { expect, test } from "@playwright/test";
import { loginConsole } from "../support/console-login";
import { startTestServer, type TestServer } from "../support/test-server";

const admin = { email: "a@b.c", password: "admin-password-1" };
const viewer = { email: "viewer@example.test", password: "viewer-password-1" };
const otherViewer = { email: "viewer2@example.test", password: "viewer-password-2" };
let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer({ env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } });
});
test.afterAll(async () => server?.stop());

async function signIn(page: import("@playwright/test").Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

test("the admin signs in, sees real counts, creates an API key and a viewer", async ({ page }) => {
  await page.goto(`${server.url}/`);
  await page.getByLabel("Email").fill(admin.email);
  await page.getByLabel("Password").fill("wrong-password-0");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();

  await signIn(page, admin);
  const nav = page.getByRole("navigation", { name: "Console" });
  for (const area of ["Sessions", "Review queue", "Workflows", "Users", "Lists", "Webhooks", "API keys", "Settings"]) {
    await expect(nav.getByRole("link", { name: area })).toBeVisible();
  }
  await expect(page.getByText("Active API keys").locator("..")).toContainText("1");

  await nav.getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name").fill("e2e backend");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(key).toMatch(/^fid_/);
  const res = await fetch(`${server.url}/v3/anything/`, { headers: { "x-api-key": key } });
  expect(res.status).toBe(404);

  await nav.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Initial password").fill(viewer.password);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByRole("cell", { name: viewer.email, exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/console-settings.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(`${server.url}/overview`);
  await expect(page).toHaveURL(/\/login/);
});

test("a viewer sees the console but cannot reach admin pages", async ({ page }) => {
  const cookie = await loginConsole(server.url, admin.email, admin.password);
  const created = await fetch(`${server.url}/api/console/users`, {
    method: "POST",
    headers: { cookie: cookie!, "content-type": "application/json" },
    body: JSON.stringify({ ...otherViewer, role: "viewer" }),
  });
  expect(created.status).toBe(201);
  await signIn(page, otherViewer);
  const nav = page.getByRole("navigation", { name: "Console" });
  await expect(nav.getByRole("link", { name: "Sessions" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveCount(0);
  for (const path of ["/settings", "/api-keys", "/webhooks"]) {
    await page.goto(`${server.url}${path}`);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  }
});
