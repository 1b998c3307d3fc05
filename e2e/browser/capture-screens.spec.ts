import path from "node:path";
import { chromium, expect, test, type Browser, type Page } from "@playwright/test";
import type { CaptureChallenge, CaptureState } from "../../lib/capture/types";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera, type FakeCamera } from "../fixtures/fake-camera";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { capturing, makeCaptureState, mockToken, openMockedCapture, type CaptureMock } from "../support/mock-capture";
import { startTestServer, type TestServer } from "../support/test-server";

// Every screen of the hosted capture page at a phone and a desktop size, with the capture API
// answered by the test (page.route) so each method and outcome is reached on demand: flashing and
// head-turn challenges, retry, result, camera blocked, unsupported browser, expired, skipped.
const shots = "test-results/capture";
const sizes = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  desktop: { viewport: { width: 1440, height: 900 } },
};

let server: TestServer;
const browsers = new Map<FakeCamera, Browser>();

requireFaceDatasets(test);
test.beforeAll(async () => {
  server = await startTestServer();
});
test.afterAll(async () => {
  for (const b of browsers.values()) await b.close();
  await server?.stop();
});

async function browserWith(kind: FakeCamera): Promise<Browser> {
  const existing = browsers.get(kind);
  if (existing) return existing;
  const camera = makeFakeCamera({ kind, image: path.join(facesDir, "images/deepface-01/1.jpg") });
  const b = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`],
  });
  browsers.set(kind, b);
  return b;
}

const makeState = (over: Partial<CaptureState> = {}) => makeCaptureState(server.url, over);
const open = (page: Page, mock: CaptureMock) => openMockedCapture(page, server.url, mock);

for (const [size, options] of Object.entries(sizes)) {
  test(`${size}: flashing challenge, then a retry`, async () => {
    const challenge: CaptureChallenge = { id: "c1", method: "FLASHING", colors: ["#ff2020", "#20d020", "#2040ff", "#ffffff"], stepMs: 700 };
    const mock: CaptureMock = { state: makeState(), onStart: makeState(capturing(challenge)), frames: [] };
    mock.onFrames = { outcome: "retry", reason: "too_dark", state: makeState(capturing({ ...challenge, id: "c2" }, 2)) };
    const context = await (await browserWith("face")).newContext(options);
    const page = await context.newPage();
    await open(page, mock);
    await expect(page.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
    await page.screenshot({ path: `${shots}/${size}-start.png` });
    await page.getByRole("button", { name: size === "desktop" ? "Use this device's camera" : "Start" }).click();
    await expect(page.getByTestId("camera-stage")).toHaveAttribute("data-flash", "#20d020", { timeout: 30_000 });
    await page.screenshot({ path: `${shots}/${size}-capture-flashing.png` });
    await expect(page.getByTestId("screen-retry")).toBeVisible({ timeout: 15_000 });
    expect(mock.frames).toEqual([4]);
    await expect(page.getByText("2 attempts left")).toBeVisible();
    await page.screenshot({ path: `${shots}/${size}-retry.png` });
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByTestId("camera-stage")).toBeVisible();
    await context.close();
  });

  test(`${size}: a flashing-light warning offers the head-turn check, on the start screen and before the colours`, async () => {
    const flashing: CaptureChallenge = { id: "f1", method: "FLASHING", colors: ["#ff2020", "#20d020", "#2040ff", "#ffffff"], stepMs: 700 };
    const turning: CaptureChallenge = { id: "a2", method: "ACTIVE_3D", turns: ["right", "left"], holdsMs: [800, 800] };
    // before starting: the warning, and its button starts with the head-turn check
    const mock: CaptureMock = { state: makeState({ flashingLight: true }), onStart: makeState(capturing(turning)), frames: [], startBodies: [] };
    mock.onFrames = { outcome: "decided", reason: null, state: makeState({ status: "Approved", step: { type: "done" } }) };
    let context = await (await browserWith("face")).newContext(options);
    let page = await context.newPage();
    await open(page, mock);
    const warning = page.getByRole("note").filter({ hasText: "Your screen will flash" });
    await expect(warning).toContainText("photosensitive epilepsy");
    await page.screenshot({ path: `${shots}/${size}-start-flashing-warning.png` });
    await warning.getByRole("button", { name: "Turn my head instead" }).click();
    await expect(page.getByTestId("turn-arrow")).toHaveAttribute("data-turn", "right", { timeout: 30_000 });
    expect(mock.startBodies).toEqual([{ avoid_flashing: true }]);
    await context.close();

    // on the camera screen of a FLASHING check (no face yet, so the colours have not started)
    const started: CaptureMock = { state: makeState({ ...capturing(flashing), flashingLight: true }), onStart: makeState(capturing(turning)), frames: [], startBodies: [] };
    context = await (await browserWith("empty")).newContext(options);
    page = await context.newPage();
    await page.addInitScript((t) => sessionStorage.setItem(`faceid-capture:${t}`, "1"), mockToken);
    await open(page, started);
    await expect(page.getByTestId("guidance")).toHaveText("We can't see your face", { timeout: 30_000 });
    await page.getByRole("button", { name: "Turn my head instead" }).click();
    await expect(page.getByRole("button", { name: "Turn my head instead" })).toHaveCount(0);
    await expect(page.getByTestId("camera-stage")).not.toHaveAttribute("data-flash", /./);
    expect(started.startBodies).toEqual([{ avoid_flashing: true }]);
    await context.close();
  });

  test(`${size}: head-turn challenge with countdown fallback, then In Review`, async () => {
    const challenge: CaptureChallenge = { id: "a1", method: "ACTIVE_3D", turns: ["left", "right"], holdsMs: [800, 800] };
    const mock: CaptureMock = { state: makeState(capturing(challenge)), frames: [] };
    mock.onFrames = { outcome: "decided", reason: null, state: makeState({ status: "In Review", step: { type: "done" } }) };
    const context = await (await browserWith("face")).newContext(options);
    const page = await context.newPage();
    await page.addInitScript((t) => sessionStorage.setItem(`faceid-capture:${t}`, "1"), mockToken);
    await open(page, mock);
    await expect(page.getByTestId("turn-arrow")).toHaveAttribute("data-turn", "left", { timeout: 30_000 });
    await expect(page.getByTestId("guidance")).toHaveText("Turn your head to the left");
    await page.screenshot({ path: `${shots}/${size}-capture-turn.png` });
    await expect(page.getByTestId("screen-result")).toBeVisible({ timeout: 20_000 });
    expect(mock.frames).toEqual([3]);
    await expect(page.getByRole("heading", { name: "Thanks, we're reviewing it" })).toBeVisible();
    await page.screenshot({ path: `${shots}/${size}-result-review.png` });
    await context.close();
  });

  test(`${size}: guidance for a dark picture and for no face`, async () => {
    for (const [kind, text] of [["dark", "It's too dark, find more light"], ["empty", "We can't see your face"]] as const) {
      const context = await (await browserWith(kind)).newContext(options);
      const page = await context.newPage();
      await open(page, { state: makeState(capturing({ id: "p1", method: "PASSIVE", frames: 5, intervalMs: 200 })), frames: [] });
      await page.getByRole("button", { name: "Use this device instead" }).click();
      await expect(page.getByTestId("guidance")).toHaveText(text, { timeout: 30_000 });
      await page.screenshot({ path: `${shots}/${size}-guidance-${kind}.png` });
      await context.close();
    }
  });

  test(`${size}: camera blocked, unsupported browser, expired, skipped, approved in Spanish`, async () => {
    const b = await browserWith("face");
    const cases: { name: string; state: CaptureState; init?: () => void; click?: string; heading: string }[] = [
      { name: "denied", state: makeState(capturing({ id: "p", method: "PASSIVE", frames: 5, intervalMs: 200 })), init: () => { navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("blocked", "NotAllowedError")); }, click: "Use this device instead", heading: "Camera access is blocked" },
      { name: "unsupported", state: makeState(capturing({ id: "p", method: "PASSIVE", frames: 5, intervalMs: 200 })), init: () => { Object.defineProperty(navigator, "mediaDevices", { value: undefined }); }, click: "Use this device instead", heading: "This browser can't use the camera" },
      { name: "expired", state: makeState({ status: "Expired", step: { type: "done" } }), heading: "This link has expired" },
      { name: "skipped", state: makeState({ status: "Approved", step: { type: "skipped", reason: "known device and IP" } }), heading: "No selfie needed" },
      { name: "approved-es", state: makeState({ status: "Approved", language: "es", callback: "https://example.com/back", step: { type: "done" } }), heading: "Identidad verificada" },
    ];
    for (const c of cases) {
      const context = await b.newContext(options);
      const page = await context.newPage();
      if (c.init) await page.addInitScript(c.init);
      await open(page, { state: c.state, frames: [] });
      if (c.click) await page.getByRole("button", { name: c.click }).click();
      await expect(page.getByRole("heading", { name: c.heading })).toBeVisible();
      await page.screenshot({ path: `${shots}/${size}-${c.name}.png` });
      await context.close();
    }
  });
}
