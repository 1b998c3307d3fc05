import { drawFrame, encodeFrame } from "./capture-frame";

export type Burst = { frames: Blob[]; times: number[] };

type FrameCallbackVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number; cancelVideoFrameCallback?: (handle: number) => void };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// Resolves when the camera delivers its next frame, so two shots of a burst are never the same frame
// (the server rejects identical frames). Without requestVideoFrameCallback it does not wait; if the
// camera stalls it gives up after STALL_MS (a camera at 5 fps still delivers within it).
const STALL_MS = 400;
function nextVideoFrame(video: FrameCallbackVideo): Promise<void> {
  if (!video.requestVideoFrameCallback) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      video.cancelVideoFrameCallback?.(handle);
      resolve();
    }, STALL_MS);
    const handle = video.requestVideoFrameCallback!(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

// PASSIVE capture: `count` frames about `intervalMs` apart (or a little more), each with the time it
// was taken relative to `t0` (when the page received the burst nonce). Each gap is counted from the
// frame actually taken before (a late frame never makes the next gap short) and lengthened by up to
// JITTER_MS at random, so even a browser that rounds its clock coarsely does not report the evenly
// spaced times the server takes for a script's. Frames are drawn first and encoded after the last one,
// so JPEG encoding on a slow phone does not stretch the burst.
const JITTER_MS = 60;
// wake a little early and let the next camera frame decide the moment
const EARLY_MS = 20;

export async function captureBurst(video: HTMLVideoElement, input: { count: number; intervalMs: number; t0: number }): Promise<Burst> {
  const canvases: HTMLCanvasElement[] = [];
  const times: number[] = [];
  for (let i = 0; i < input.count; i++) {
    if (i > 0) await sleep(Math.max(0, input.t0 + times[i - 1] + input.intervalMs + Math.random() * JITTER_MS - EARLY_MS - performance.now()));
    await nextVideoFrame(video);
    times.push(Math.round((performance.now() - input.t0) * 10) / 10);
    canvases.push(drawFrame(video));
  }
  return { frames: await Promise.all(canvases.map((c) => encodeFrame(c))), times };
}
