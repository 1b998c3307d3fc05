import path from "node:path";
import { chromium, expect, test, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import type { CaptureChallenge } from "../../lib/capture/types";
import { chromiumArgs } from "../../playwright.config";
import { makeFakeCamera, type FakeCamera } from "../fixtures/fake-camera";
import { expectNoAxeViolations } from "../support/axe";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { capturing, makeCaptureState, mockToken, openMockedCapture, type CaptureMock } from "../support/mock-capture";
import { api, workflowIdByLabel } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// WCAG 2.1 AA (axe-core) on every screen of the hosted capture page, at phone and desktop size, and
// what axe cannot see: where focus goes, what is announced and how, and reduced motion.
const phone: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const desktop: BrowserContextOptions = { viewport: { width: 1440, height: 900 } };
const apiKey = "a11y-hosted-key-0123456789abcdef";
const flashing = (stepMs: number): CaptureChallenge => ({ id: `f${stepMs}`, method: "FLASHING", colors: ["#ff2020", "#20d020", "#2040ff", "#ffffff"], stepMs });
const passive: CaptureChallenge = { id: "p1", method: "PASSIVE", frames: 5, intervalMs: 200 };
const turns: CaptureChallenge = { id: "a1", method: "ACTIVE_3D", turns: ["left", "right"], holdsMs: [800, 800] };

// axe walks the whole page and a camera screen runs a detector: slow on a busy two-core machine
test.describe.configure({ timeout: 240_000 });
let server: TestServer;
const browsers = new Map<FakeCamera, Browser>();

requireFaceDatasets(test);
test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
});
test.afterAll(async () => {
  for (const b of browsers.values()) await b.close();
  await server?.stop();
});

async function pageWith(kind: FakeCamera, options: BrowserContextOptions = phone, reducedMotion?: "reduce"): Promise<Page> {
  let browser = browsers.get(kind);
  if (!browser) {
    const camera = makeFakeCamera({ kind, image: path.join(facesDir, "images/deepface-01/1.jpg") });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`] });
    browsers.set(kind, browser);
  }
  const page = await (await browser.newContext(options)).newPage();
  if (reducedMotion) await page.emulateMedia({ reducedMotion });
  return page;
}

// this device chose to capture (as after pressing Start): the page opens the camera at once
const onThisDevice = (page: Page) => page.addInitScript((t) => sessionStorage.setItem(`faceid-capture:${t}`, "1"), mockToken);
const mock = (over: Parameters<typeof makeCaptureState>[1] = {}, rest: Omit<CaptureMock, "state"> = {}): CaptureMock => ({ state: makeCaptureState(server.url, over), ...rest });
// the shutter: starts the flashes / takes the straight frame without waiting for auto-capture
const shutter = async (page: Page) => {
  const button = page.getByRole("button", { name: "Take photo" });
  await expect(button).toBeEnabled({ timeout: 60_000 });
  await button.click();
};
const focusedHeading = (page: Page) => page.evaluate(() => (document.activeElement?.tagName === "H1" ? document.activeElement.textContent : null));

test("start screen of a real session, on a phone and with the QR hand-off on a desktop", async () => {
  const a = { url: server.url, key: apiKey };
  const created = await api(a, "POST", "/v3/session/", { workflow_id: await workflowIdByLabel(a, "Liveness only"), vendor_data: "a11y" });
  expect(created.status).toBe(201);
  for (const [size, options] of [["phone", phone], ["desktop", desktop]] as const) {
    const page = await pageWith("face", options);
    await page.goto(created.body.url);
    await expect(page.getByRole("heading", { name: "Let's confirm it's you" })).toBeVisible();
    if (size === "desktop") await expect(page.getByTestId("handoff-qr").locator("svg")).toBeVisible();
    await expectNoAxeViolations(page, `start (${size})`);
    expect(await focusedHeading(page)).toBe("Let's confirm it's you");
    // keyboard: every stop shows a focus ring
    for (let i = 0; i < (size === "desktop" ? 2 : 1); i++) {
      await page.keyboard.press("Tab");
      const ring = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement!);
        return { tag: document.activeElement!.tagName, outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 };
      });
      expect(ring).toEqual({ tag: "BUTTON", outline: true });
    }
    await page.context().close();
  }
});

test("camera with guidance (PASSIVE): announced politely, and only when the advice changes", async () => {
  const page = await pageWith("dark");
  await onThisDevice(page);
  await openMockedCapture(page, server.url, mock(capturing(passive)));
  const guidance = page.getByTestId("guidance");
  await expect(guidance).toHaveText("It's too dark, find more light", { timeout: 30_000 });
  await expect(guidance).toHaveAttribute("aria-live", "polite");
  await expectNoAxeViolations(page, "camera guidance (PASSIVE)");
  // guidance is computed five times a second; the live region may change only when the words do
  const changes = await guidance.evaluate(
    (el) =>
      new Promise<number>((resolve) => {
        let n = 0;
        const observer = new MutationObserver((records) => (n += records.length));
        observer.observe(el, { childList: true, characterData: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(n);
        }, 2500);
      }),
  );
  expect(changes).toBe(0);
  await page.context().close();
});

test("FLASHING while the colours show, and the ACTIVE_3D turn prompt", async () => {
  const page = await pageWith("face");
  await onThisDevice(page);
  await openMockedCapture(page, server.url, mock(capturing(flashing(20_000))));
  await shutter(page);
  await expect(page.getByTestId("camera-stage")).toHaveAttribute("data-flash", "#ff2020");
  await expectNoAxeViolations(page, "FLASHING challenge");
  await page.context().close();

  const turning = await pageWith("face");
  await onThisDevice(turning);
  await openMockedCapture(turning, server.url, mock(capturing(turns)));
  await shutter(turning);
  await expect(turning.getByTestId("turn-arrow")).toHaveAttribute("data-turn", "left");
  await expectNoAxeViolations(turning, "ACTIVE_3D turn prompt");
  await turning.context().close();
});

test("focus moves to the heading of each new screen; failures are announced assertively", async () => {
  const page = await pageWith("face");
  const challenge = flashing(250);
  const next = mock(capturing({ ...challenge, id: "f2" }, 2));
  const m = mock({}, { onStart: makeCaptureState(server.url, capturing(challenge)), onFrames: { outcome: "retry", reason: "flash_not_followed", state: next.state } });
  await openMockedCapture(page, server.url, m);
  await page.getByRole("button", { name: "Start" }).click();
  await expect.poll(() => focusedHeading(page)).toBe("Camera preview. Place your face inside the oval.");
  await shutter(page);
  await expect(page.getByTestId("screen-retry")).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => focusedHeading(page)).toBe("Let's try that again");
  await expect(page.getByRole("alert").filter({ hasText: "The screen colours did not reach your face" })).toBeVisible();
  await expectNoAxeViolations(page, "retry");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect.poll(() => focusedHeading(page)).toBe("Camera preview. Place your face inside the oval.");
  await page.context().close();

  const denied = await pageWith("face");
  await denied.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("blocked", "NotAllowedError"));
  });
  await onThisDevice(denied);
  await openMockedCapture(denied, server.url, mock(capturing(passive)));
  await expect(denied.getByRole("alert").filter({ hasText: "We need your camera" })).toBeVisible();
  expect(await focusedHeading(denied)).toBe("Camera access is blocked");
  await expectNoAxeViolations(denied, "camera blocked");
  await denied.context().close();
});

// One line per screen reached from a state alone: adding a screen to the check is adding a line here.
const stateScreens: { name: string; options: BrowserContextOptions; heading: string; mock: () => CaptureMock }[] = [
  { name: "hand-off: desktop following the phone", options: desktop, heading: "Continue on your phone", mock: () => mock(capturing(passive)) },
  { name: "result: approved, with a way back", options: phone, heading: "You're verified", mock: () => mock({ status: "Approved", callback: "https://example.com/back", step: { type: "done" } }) },
  { name: "result: in review", options: desktop, heading: "Thanks, we're reviewing it", mock: () => mock({ status: "In Review", step: { type: "done" } }) },
  { name: "result: declined", options: phone, heading: "We couldn't verify you", mock: () => mock({ status: "Declined", step: { type: "done" } }) },
  { name: "skipped (known device)", options: phone, heading: "No selfie needed", mock: () => mock({ status: "Approved", step: { type: "skipped", reason: "known device and IP" } }) },
  { name: "resubmission requested", options: phone, heading: "Please take your selfie again", mock: () => mock({ status: "Resubmitted", resubmission: { reason: "The photo was not clear enough.", comment: "Please remove your cap." } }) },
  { name: "expired link", options: phone, heading: "This link has expired", mock: () => mock({ status: "Expired", step: { type: "done" } }) },
  { name: "Spanish start screen", options: phone, heading: "Confirmemos que eres tú", mock: () => mock({ language: "es" }) },
  { name: "start with the flashing-light warning", options: phone, heading: "Let's confirm it's you", mock: () => mock({ flashingLight: true }) },
];

for (const screen of stateScreens) {
  test(`axe: ${screen.name}`, async () => {
    const page = await pageWith("face", screen.options);
    await openMockedCapture(page, server.url, screen.mock());
    await expect(page.getByRole("heading", { name: screen.heading })).toBeVisible();
    await expectNoAxeViolations(page, screen.name);
    await page.context().close();
  });
}

test("a link that does not exist", async () => {
  const page = await pageWith("face");
  await page.goto(`${server.url}/verify/no-such-token-0000`);
  await expect(page.getByRole("heading", { name: "Link not valid" })).toBeVisible();
  await expectNoAxeViolations(page, "unknown link");
  await page.context().close();
});

test("reduced motion: nothing pulses, and FLASHING keeps its colours at half the pace", async () => {
  const runningAnimations = (page: Page) => page.evaluate(() => document.getAnimations().filter((a) => a.playState === "running").length);
  for (const reducedMotion of [undefined, "reduce"] as const) {
    const page = await pageWith("face", phone, reducedMotion);
    await onThisDevice(page);
    await openMockedCapture(page, server.url, mock(capturing(turns)));
    await shutter(page);
    await expect(page.getByTestId("turn-arrow")).toBeVisible();
    if (reducedMotion) await expect.poll(() => runningAnimations(page)).toBe(0);
    else expect(await runningAnimations(page)).toBeGreaterThan(0);
    await page.context().close();
  }

  const stepsMs: Record<string, number[]> = {};
  for (const reducedMotion of [undefined, "reduce"] as const) {
    const page = await pageWith("face", phone, reducedMotion);
    await onThisDevice(page);
    await openMockedCapture(page, server.url, mock(capturing(flashing(2000)), { onFrames: { outcome: "decided", reason: null, state: makeCaptureState(server.url, { status: "Approved", step: { type: "done" } }) }, frameDelayMs: 100 }));
    await expect(page.getByRole("button", { name: "Take photo" })).toBeEnabled({ timeout: 60_000 });
    // when each colour appeared, until the frames are sent
    const timing = page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const seen: number[] = [];
          let last: string | null = null;
          const observer = new MutationObserver(() => {
            const stage = document.querySelector("[data-testid=camera-stage]");
            const flash = stage?.getAttribute("data-flash") ?? null;
            if (flash && flash !== last) seen.push(performance.now());
            last = flash;
            if (stage || !seen.length) return;
            observer.disconnect();
            resolve(seen);
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-flash"] });
        }),
    );
    await page.getByRole("button", { name: "Take photo" }).click();
    const times = await timing;
    expect(times).toHaveLength(4);
    stepsMs[reducedMotion ?? "normal"] = times.slice(1).map((t, i) => t - times[i]);
    await page.context().close();
  }
  // each step is the hold plus the time to grab a frame (up to a second on a busy machine)
  expect(Math.min(...stepsMs.normal)).toBeLessThan(4000);
  expect(Math.min(...stepsMs.reduce)).toBeGreaterThanOrEqual(3950);
});
