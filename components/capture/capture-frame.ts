// What the camera sees right now, unmirrored, about 720 px wide (the server's detector and liveness
// models need no more; a smaller upload is quicker on a phone connection).
const MAX_WIDTH = 720;

export function drawFrame(video: HTMLVideoElement, maxWidth = MAX_WIDTH): HTMLCanvasElement {
  const vw = video.videoWidth, vh = video.videoHeight;
  if (!vw || !vh) throw new Error("camera not ready");
  const scale = Math.min(1, maxWidth / vw);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(vw * scale);
  canvas.height = Math.round(vh * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("no 2D canvas");
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

export function encodeFrame(canvas: HTMLCanvasElement, quality = 0.9): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("JPEG encoding failed"))), "image/jpeg", quality));
}

/** One JPEG of the current video frame. */
export async function captureFrame(video: HTMLVideoElement, quality = 0.9): Promise<Blob> {
  return encodeFrame(drawFrame(video), quality);
}
