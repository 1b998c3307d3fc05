import { expect, test } from "@playwright/test";
import { startTestServer, type TestServer } from "../support/test-server";

let server: TestServer;

test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => server?.stop());

test("the one-time setup link printed on first start creates the first admin, once", async ({ page }) => {
  const link = server.output().match(/(http:\/\/\S+\/setup\?token=[A-Za-z0-9_-]+)/)?.[1];
  expect(link, server.output()).toBeTruthy();
  await page.goto(link!);
  await page.getByLabel("Email").fill("first@example.test");
  await page.getByLabel("Password").fill("first-admin-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill("first@example.test");
  await page.getByLabel("Password").fill("first-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.goto(link!);
  await page.getByLabel("Email").fill("second@example.test");
  await page.getByLabel("Password").fill("second-admin-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();
});
