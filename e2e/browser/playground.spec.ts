import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { signInPage } from "../support/sign-in-page";
import { startTestServer, type TestServer } from "../support/test-server";

// An evaluator in the console: drops one photo and picks another, runs the face match and sees the
// score, the thresholds and error-rate chart, the engine's overlays and crops, and the curl command;
// then a file that is no image gets a readable message, and liveness and search run on a real selfie.
// Real server, models, dataset faces and Chromium. The screenshot shows dataset faces on purpose: what
// the engine saw is the point of this screen.
const viewer = { email: "admin@playground-ui.test", password: "admin-password-1" };
const snapshots = "e2e/snapshots";
let server: TestServer;

requireFaceDatasets(test);

test.beforeAll(async () => {
  mkdirSync(snapshots, { recursive: true });
  server = await startTestServer({ env: { ADMIN_EMAIL: viewer.email, ADMIN_PASSWORD: viewer.password } });
});
test.afterAll(async () => {
  await server?.stop();
});

test("face match in the playground: drop two photos, see the score, the overlays and the curl command", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await signInPage(page, server.url, viewer);
  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Playground" }).click();
  await expect(page.getByRole("heading", { name: "Playground" })).toBeVisible();

  // the first photo is dropped onto its zone as a file from the desktop would be
  const source = readFileSync(path.join(facesDir, "images/deepface-01/1.jpg")).toString("base64");
  const dropped = await page.evaluateHandle(({ b64 }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], "selfie.jpg", { type: "image/jpeg" }));
    return transfer;
  }, { b64: source });
  await page.getByTestId("drop-source_image").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(page.getByAltText("Image 1: the selfie preview")).toBeVisible();
  // the second is picked with the file chooser
  await page.getByTestId("drop-target_image").locator("input[type=file]").setInputFiles(path.join(facesDir, "images/deepface-01/2.jpg"));
  await page.getByRole("button", { name: "Run face match" }).click();

  const result = page.getByTestId("playground-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  expect(Number(await page.getByTestId("playground-score").textContent())).toBeGreaterThanOrEqual(70);
  await expect(page.getByTestId("playground-status")).toHaveText("Approved");
  await expect(result.getByTestId("face-overlay")).toHaveCount(2);
  await expect(result.getByTestId("face-overlay").first().locator("circle")).toHaveCount(5);
  await expect(result.getByRole("img", { name: "Aligned face (recogniser)" })).toHaveCount(2);
  await expect(page.getByTestId("error-rate-chart").locator(".recharts-line")).toBeVisible();
  await expect(page.getByTestId("error-rate-at-score")).toContainText("false non-match rate");
  const curl = page.getByTestId("curl-command");
  await expect(curl).toContainText("/v3/face-match/");
  await expect(curl).toContainText("source_image=@selfie.jpg");
  await expect(curl).toContainText("target_image=@2.jpg");
  await page.getByTestId("playground-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${snapshots}/playground-face-match.png`, fullPage: true });

  // a file that is not an image: the API's message, readable on the page
  await page.getByRole("tab", { name: "Passive liveness" }).click();
  await page.getByTestId("drop-user_image").locator("input[type=file]").setInputFiles({ name: "notes.jpg", mimeType: "image/jpeg", buffer: Buffer.from("just some text, not a photo") });
  await page.getByRole("button", { name: "Run passive liveness" }).click();
  await expect(page.getByTestId("playground-error")).toContainText("not a supported image");
  // then a real selfie: the liveness verdict and the patch the liveness model scored
  await page.getByTestId("drop-user_image").locator("input[type=file]").setInputFiles(path.join(facesDir, "images/deepface-01/3.jpg"));
  await page.getByRole("button", { name: "Run passive liveness" }).click();
  await expect(page.getByTestId("playground-result")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("playground-error")).toHaveCount(0);
  await expect(page.getByTestId("score-liveness")).toBeVisible();
  await expect(page.getByRole("img", { name: "Liveness patch" })).toBeVisible();
  await expect(page.getByTestId("curl-command")).toContainText("/v3/passive-liveness/");
  await page.screenshot({ path: "test-results/playground-liveness.png", fullPage: true });

  // face search in an application with nothing enrolled: said plainly
  await page.getByRole("tab", { name: "Face search" }).click();
  await page.getByTestId("drop-user_image").locator("input[type=file]").setInputFiles(path.join(facesDir, "images/deepface-01/3.jpg"));
  await page.getByRole("button", { name: "Run face search" }).click();
  await expect(page.getByTestId("playground-result")).toContainText("No enrolled face or list entry of this application is similar enough.");
});
