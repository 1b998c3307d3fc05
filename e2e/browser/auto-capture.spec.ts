import path from "node:path";
import { chromium, expect, test, type Page } from "@playwright/test";
import type { LivenessMethod } from "@/lib/capture/types";
import { chromiumArgs } from "../../playwright.config";
import { facesDir, requireFaceDatasets } from "../support/datasets";
import { createLivenessWorkflows } from "../support/liveness-workflows";
import { cameraMotions, makeMovingCamera } from "../support/moving-camera";
import { api, type Api } from "../support/sessions";
import { startTestServer, type TestServer } from "../support/test-server";

// Auto-capture with a hand-held camera: Chromium's fake camera plays a 640x480 dataset face that
// drifts, shakes or carries heavy sensor noise (each must be taken automatically, within a bound) or
// is walked around (must never be taken), on every method that auto-captures: the PASSIVE burst, the
// start of the FLASHING sequence and the straight frame of ACTIVE_3D.
const apiKey = "k-autocapture-0123456789";
const shots = "test-results/auto-capture";
const desktop = { viewport: { width: 1280, height: 800 } };
const methods: LivenessMethod[] = ["PASSIVE", "FLASHING", "ACTIVE_3D"];
// from the detector being ready: 1 s of green for the countdown plus a slow, shared CI machine
const CAPTURE_BOUND_MS = 20_000;
const WALK_WATCH_MS = 20_000;

let server: TestServer;
let a: Api;
let workflows: Record<LivenessMethod, string>;

requireFaceDatasets(test);
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  server = await startTestServer({ env: { SEED_API_KEY: apiKey } });
  a = { url: server.url, key: apiKey };
  workflows = await createLivenessWorkflows(a);
});

test.afterAll(async () => {
  await server?.stop();
});

// What the page shows once it took the picture: the PASSIVE burst, the first colour, the first turn prompt.
function captured(page: Page, method: LivenessMethod) {
  const after = page.getByTestId("screen-checking").or(page.getByTestId("screen-result")).or(page.getByTestId("retry-reason"));
  if (method === "FLASHING") return page.locator("[data-testid=camera-stage][data-flash]").or(after);
  if (method === "ACTIVE_3D") return page.getByTestId("turn-arrow").or(after);
  return page.getByTestId("guidance").filter({ hasText: "Capturing" }).or(after);
}

async function openCamera(page: Page, method: LivenessMethod) {
  const session = await api(a, "POST", "/v3/session/", { workflow_id: workflows[method], language: "en" });
  expect(session.status).toBe(201);
  await page.goto(session.body.url);
  await page.getByRole("button", { name: "Use this device's camera" }).click();
  // the in-browser detector, or after 15 s without it the light-and-pixels fallback (a busy machine)
  await expect(page.getByTestId("camera-stage")).toHaveAttribute("data-detector", /ready|unavailable/, { timeout: 120_000 });
  return page.getByTestId("camera-stage").getAttribute("data-detector");
}

const image = path.join(facesDir, "images/deepface-01/1.jpg");

for (const motion of ["drift-1.5px-0.5hz", "drift-4px-2hz", "tremor", "noise"] as const) {
  test(`a hand-held camera (${motion}) is captured automatically on every method`, async () => {
    test.setTimeout(480_000);
    const camera = await makeMovingCamera(image, `deepface-01.${motion}`, cameraMotions[motion]);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`] });
    try {
      for (const method of methods) {
        const page = await (await browser.newContext(desktop)).newPage();
        const detector = await openCamera(page, method);
        const t0 = Date.now();
        await expect(captured(page, method), `${motion} on ${method}`).toBeVisible({ timeout: CAPTURE_BOUND_MS });
        console.log(`auto-capture ${motion} ${method}: ${Date.now() - t0} ms after the guidance started (detector ${detector})`);
        await page.context().close();
      }
    } finally {
      await browser.close();
    }
  });
}

test("a camera walked around is never captured automatically, and the page asks to hold still or re-centre", async () => {
  test.setTimeout(480_000);
  const camera = await makeMovingCamera(image, "deepface-01.walk", cameraMotions.walk);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${camera}`] });
  try {
    for (const method of methods) {
      const page = await (await browser.newContext(desktop)).newPage();
      const detector = await openCamera(page, method);
      const seen = new Set<string>();
      for (const end = Date.now() + WALK_WATCH_MS; Date.now() < end; ) {
        expect(await captured(page, method).count(), `walking camera captured on ${method}`).toBe(0);
        seen.add((await page.getByTestId("guidance").textContent())?.trim() ?? "");
        await page.waitForTimeout(250);
      }
      // the face was found and refused for moving (or sliding out of the oval): the test watched the
      // guidance at work, not a blind page
      expect([...seen].some((t) => t === "Hold still" || t === "Center your face in the oval"), `${method}: ${[...seen].join(" | ")}`).toBe(true);
      console.log(`walking ${method} (detector ${detector}): ${[...seen].join(" | ")}`);
      if (method === "PASSIVE") await page.screenshot({ path: `${shots}/walking-hold-still.png` });
      await page.context().close();
    }
  } finally {
    await browser.close();
  }
});
