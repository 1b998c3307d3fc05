import { expect, test, type Locator, type Page, type Route } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { requireFaceDatasets } from "../support/datasets";
import { api, CaptureClient, imageBytes, tokenOf, workflowIdByLabel } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// The hosted page comes with its screen in the HTML; on a slow phone that screen is visible seconds
// before its JavaScript has hydrated it. Every control on a server-rendered screen must show as disabled
// until then (a tap would otherwise do nothing), and work once hydrated. The page's scripts are held
// back here until the test lets them through.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const apiKey = "before-hydration-key-0123456789ab";
const a = () => ({ url: server.url, key: apiKey });
let server: TestServer;

// Chromium's own fake camera (a test pattern): enough for the camera screen to open
test.use({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"] } });
requireFaceDatasets(test);
test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
});
test.afterAll(async () => {
  await server?.stop();
});

/** Opens the link with the page's scripts held; `release()` lets them load. */
async function openHeld(page: Page, url: string): Promise<{ release: () => void }> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  return { release };
}

/** The server's screen (`screen`) is there with `button` disabled; once hydrated the button opens the camera. */
async function expectCameraButtonAfterHydration(page: Page, url: string, button: string, screen: Locator): Promise<void> {
  const { release } = await openHeld(page, url);
  await expect(screen).toBeVisible();
  const control = page.getByRole("button", { name: button });
  await expect(control).toBeDisabled();
  release();
  await expect(control).toBeEnabled({ timeout: 30_000 });
  await control.click();
  await expect(page.getByTestId("camera-stage")).toBeVisible({ timeout: 30_000 });
}

async function newSession(workflowId: string): Promise<{ url: string; token: string }> {
  const created = await api(a(), "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: `hydration-${Date.now()}-${Math.random()}` });
  expect(created.status).toBe(201);
  return { url: created.body.url, token: tokenOf(created.body.url) };
}

test("start screen: Start and the language menu wait for hydration, then work", async ({ browser }) => {
  const session = await newSession(await workflowIdByLabel(a(), "Liveness only"));
  const page = await (await browser.newContext(phone)).newPage();
  const { release } = await openHeld(page, session.url);
  // the server's HTML: the screen is there, its controls are not live yet
  await expect(page.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Start" })).toBeDisabled();
  await expect(page.getByTestId("language-menu")).toBeDisabled();
  release();
  await expect(page.getByRole("button", { name: "Start" })).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId("language-menu")).toBeEnabled();
  await page.getByTestId("language-menu").selectOption("es");
  await expect(page.getByRole("button", { name: "Empezar" })).toBeEnabled();
  await page.context().close();
});

test("another device took over: 'Use this device instead' waits for hydration, then takes the capture back", async ({ browser }) => {
  const session = await newSession(await workflowIdByLabel(a(), "Liveness only"));
  // the person pressed Start on another device
  expect((await new CaptureClient(server.url, session.token).start()).status).toBe(200);
  const page = await (await browser.newContext(phone)).newPage();
  await expectCameraButtonAfterHydration(page, session.url, "Use this device instead", page.getByTestId("screen-following"));
  await page.context().close();
});

test("a failed attempt reloaded on the phone: 'Try again' waits for hydration, then opens the camera", async ({ browser }) => {
  const created = await api(a(), "POST", "/v3/workflows/", { workflow_label: `Head turn ${Date.now()}`, features: [{ feature: "LIVENESS", config: { face_liveness_method: "ACTIVE_3D" } }] });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const session = await newSession(created.body.workflow_id);
  const capture = new CaptureClient(server.url, session.token);
  const challenge = (await capture.start()).body.step.challenge;
  // a still photo for every pose: a retry the page must explain
  const still = imageBytes("images/deepface-01/1.jpg");
  const answered = await capture.answer(challenge.id, Array.from({ length: challenge.turns.length + 1 }, () => still));
  expect(answered.body).toMatchObject({ outcome: "retry", reason: "head_not_turned" });
  const page = await (await browser.newContext(phone)).newPage();
  await expectCameraButtonAfterHydration(page, session.url, "Try again", page.locator('[data-testid="retry-reason"][data-reason="head_not_turned"]'));
  await page.context().close();
});
