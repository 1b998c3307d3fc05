import type { Browser, Page } from "@playwright/test";
import type { FaceModel } from "./face-model";
import { installReactiveCamera, type CameraMode } from "./reactive-camera-page";

export type RecordedFrame = { t: number; jpeg: string };

/** A page whose camera is the reactive test camera showing `model` (e2e/support/reactive-camera-page.ts). */
export async function openReactiveCamera(browser: Browser, model: FaceModel, options: { mode?: Partial<CameraMode>; record?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(installReactiveCamera, model);
  await page.addInitScript(
    ({ mode, record }) => {
      const cam = (window as unknown as { __camera: { mode: CameraMode; recording: unknown[] | null } }).__camera;
      Object.assign(cam.mode, mode);
      if (record) cam.recording = [];
    },
    { mode: options.mode ?? {}, record: options.record ?? false },
  );
  return page;
}

/** The frames the camera showed (10 a second, JPEG) since it started, when opened with `record`. */
export async function recordedFrames(page: Page): Promise<RecordedFrame[]> {
  return page.evaluate(async () => {
    const rec = (window as unknown as { __camera: { recording: { t: number; blob: Blob }[] } }).__camera.recording;
    return Promise.all(
      rec.map(async ({ t, blob }) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let bin = "";
        for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return { t, jpeg: btoa(bin) };
      }),
    );
  });
}

/** From now on the camera plays `frames` in a loop, at their recorded times, whatever the page asks. */
export async function replayFrames(page: Page, frames: RecordedFrame[]): Promise<void> {
  await page.evaluate(async (recorded) => {
    // decoded here rather than fetched from a data: URL, which the page's CSP (connect-src 'self') refuses
    const bitmaps = await Promise.all(recorded.map(({ jpeg }) => createImageBitmap(new Blob([Uint8Array.from(atob(jpeg), (c) => c.charCodeAt(0))], { type: "image/jpeg" }))));
    const cam = (window as unknown as { __camera: { replay: unknown } }).__camera;
    cam.replay = { frames: bitmaps, times: recorded.map((f) => f.t) };
  }, frames);
}
