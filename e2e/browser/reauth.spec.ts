import path from "node:path";
import { chromium, expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { chromiumArgs } from "../../playwright.config";
import { makeFaceCamera } from "../support/face-camera";
import { facesDir, warnIfDatasetsMissing, requireFaceDatasets } from "../support/datasets";
import { api, workflowIdByLabel, type Api } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// Selfie re-authentication in a real browser with Chromium's fake camera showing person A
// (deepface-01) or person B (deepface-02): enrol A, A comes back from a new device (selfie), B tries
// A's account (never approved), A comes back on the known device and IP (no camera at all); A's device
// cookie copied into another browser is a new device, and a still photo of A injected as the camera is
// never approved.
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
let server: TestServer;
let a: Api;
let cameraA: Browser;
let cameraB: Browser;
let stillA: Browser;
let workflowId: string;

requireFaceDatasets(test);
test.describe.configure({ mode: "serial" });

async function launchWithCamera(image: string, name: string, options: { still?: boolean } = {}) {
  const camera = await makeFaceCamera(path.join(facesDir, image), name, options);
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`],
  });
}

test.beforeAll(async () => {
  warnIfDatasetsMissing("reauth.spec");
  server = await startTestServer({ env: { SEED_API_KEY: "reauth-key-0123456789abcdefgh" } });
  a = { url: server.url, key: "reauth-key-0123456789abcdefgh" };
  workflowId = await workflowIdByLabel(a, "Selfie re-auth");
  cameraA = await launchWithCamera("images/deepface-01/2.jpg", "person-a");
  cameraB = await launchWithCamera("images/deepface-02/1.jpg", "person-b");
  stillA = await launchWithCamera("images/deepface-01/2.jpg", "person-a", { still: true });
});

test.afterAll(async () => {
  await cameraA?.close();
  await cameraB?.close();
  await stillA?.close();
  await server?.stop();
});

async function reauthSession(extra: Record<string, unknown> = {}) {
  const res = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, workflow_type: "biometric_authentication", vendor_data: "person-a", ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { session_id: string; url: string };
}

// Consent, live guidance, auto-capture (a manual shot if guidance never turns green), result.
async function captureSelfie(context: BrowserContext, url: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("guidance")).toBeVisible();
  await expect(page.getByTestId("screen-result").or(page.getByTestId("screen-retry"))).toBeVisible({ timeout: 45_000 });
  const status = (await page.getByTestId("result-status").textContent().catch(() => "retry"))!.trim();
  await page.close();
  return status;
}

test("enrol A, then A re-authenticates from a new device with a selfie", async () => {
  const portrait = (await import("node:fs")).readFileSync(path.join(facesDir, "images/deepface-01/1.jpg")).toString("base64");
  const enrol = await reauthSession({ portrait_image: portrait });
  const first = await cameraA.newContext(phone);
  expect(await captureSelfie(first, enrol.url)).toBe("Approved");
  await first.close();

  const newDevice = await cameraA.newContext(phone);
  const session = await reauthSession();
  expect(await captureSelfie(newDevice, session.url)).toBe("Approved");
  const decision = (await api(a, "GET", `/v3/session/${session.session_id}/decision/`)).body;
  expect(decision).toMatchObject({ status: "Approved", liveness: { status: "Approved", method: "PASSIVE" }, face: { status: "Approved" }, step_up: { action: "capture", reason: "new device" } });
  expect(decision.face.similarity_score).toBeGreaterThanOrEqual(0.7);
  await newDevice.close();
});

test("B's face on A's account is never approved", async () => {
  const context = await cameraB.newContext(phone);
  const session = await reauthSession();
  const status = await captureSelfie(context, session.url);
  expect(status).not.toBe("Approved");
  const decision = (await api(a, "GET", `/v3/session/${session.session_id}/decision/`)).body;
  expect(["Declined", "In Review"]).toContain(decision.status);
  expect(decision.face.similarity_score).toBeLessThan(0.5);
  await context.close();
});

let knownDevice: BrowserContext;

test("A on the known device and IP needs no camera", async () => {
  const context = await cameraA.newContext(phone);
  knownDevice = context;
  const enrol = await reauthSession();
  expect(await captureSelfie(context, enrol.url)).toBe("Approved");
  const session = await reauthSession();
  const page = await context.newPage();
  await page.goto(session.url);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("screen-result")).toBeVisible();
  await expect(page.getByTestId("camera-stage")).toHaveCount(0);
  const decision = (await api(a, "GET", `/v3/session/${session.session_id}/decision/`)).body;
  expect(decision).toMatchObject({ status: "Approved", step_up: { action: "skip", reason: "known device and known IP" }, liveness: null });
  await page.screenshot({ path: "test-results/capture/phone-reauth-skipped.png" });
  await page.close();
});

test("A's device cookie copied into another browser is a new device: a selfie is asked for", async () => {
  const thief = await cameraA.newContext(phone);
  await thief.addCookies(await knownDevice.cookies());
  expect((await thief.cookies()).map((c) => c.name)).toContain("faceid_device");
  const session = await reauthSession();
  const page = await thief.newPage();
  await page.goto(session.url);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("camera-stage")).toBeVisible();
  const decision = (await api(a, "GET", `/v3/session/${session.session_id}/decision/`)).body;
  expect(decision.step_up).toMatchObject({ action: "capture", signals: { known_device: false, known_ip: true, device_key: "mismatch" } });
  // unfinished, it would be handed out again for person-a
  expect((await api(a, "DELETE", `/v3/session/${session.session_id}/delete/`)).status).toBe(204);
  await thief.close();
  await knownDevice.close();
});

test("a still photo of A injected as the camera is never approved, and the page is told only to retry", async () => {
  const context = await stillA.newContext(phone);
  const session = await reauthSession();
  const page = await context.newPage();
  await page.goto(session.url);
  await page.getByRole("button", { name: "Start" }).click();
  await expect(page.getByTestId("screen-retry")).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId("screen-retry")).toContainText("We could not confirm a live capture.");
  await expect(page.getByTestId("screen-retry")).not.toContainText(/BURST|ATTACK/);
  await page.screenshot({ path: "test-results/capture/phone-reauth-still-retry.png" });
  const decision = (await api(a, "GET", `/v3/session/${session.session_id}/decision/`)).body;
  expect(decision.status).toBe("In Progress");
  expect(decision.liveness).toMatchObject({ status: "Declined", method: "PASSIVE" });
  expect(JSON.stringify(decision.liveness.warnings)).toMatch(/BURST_IDENTICAL_FRAMES/);
  await context.close();
});
