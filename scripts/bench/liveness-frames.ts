import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { makeFakeCamera } from "@/e2e/fixtures/fake-camera";
import { makeFaceCamera } from "@/e2e/support/face-camera";
import { decodeImageOrThrow } from "@/lib/media/decode-image";
import { analyzeFaceHere } from "@/lib/vision/analyze-face";
import type { DecodedImage } from "@/lib/vision/types";
import { readY4mFrame } from "./read-y4m-frame";

// What the capture page uploads from a camera frame: canvas.toBlob("image/jpeg", 0.9).
function toJpeg(frame: DecodedImage): Promise<Buffer> {
  return sharp(Buffer.from(frame.data), { raw: { width: frame.width, height: frame.height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** The first frame of each fake-camera video the Playwright specs play (made by the e2e helpers, cached in e2e/fixtures/generated/). */
export async function e2eCameraFrames(faces: string): Promise<{ name: string; jpeg: Buffer }[]> {
  const videos = [
    { name: "capture.spec: deepface-01/1", file: makeFakeCamera({ kind: "face", image: join(faces, "images/deepface-01/1.jpg") }) },
    { name: "reauth, builder: deepface-01/2", file: await makeFaceCamera(join(faces, "images/deepface-01/2.jpg"), "person-a") },
    { name: "reauth: deepface-02/1", file: await makeFaceCamera(join(faces, "images/deepface-02/1.jpg"), "person-b") },
  ];
  return Promise.all(videos.map(async (v) => ({ name: v.name, jpeg: await toJpeg(readY4mFrame(v.file)) })));
}

const work = mkdtempSync(join(tmpdir(), "bench-liveness-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

/**
 * Any dataset photo framed as e2e/support/face-camera.ts frames one (540x960, the face 45% of the width
 * around (270, 420), grey backdrop), through a one-frame 4:2:0 y4m as the fake camera plays it, as JPEG.
 */
export async function e2eStyleFrame(path: string): Promise<Buffer | undefined> {
  const bytes = readFileSync(path);
  const image = await decodeImageOrThrow(bytes);
  const face = (await analyzeFaceHere(image, { embed: false })).faces[0]?.box;
  if (!face) return undefined;
  const scale = (540 * 0.45) / face.width;
  const width = Math.round(image.width * scale), height = Math.round(image.height * scale);
  const left = Math.round(270 - (face.x + face.width / 2) * scale), top = Math.round(420 - (face.y + face.height / 2) * scale);
  const resized = await sharp(bytes).rotate().resize(width, height).toBuffer();
  const inside = await sharp(resized)
    .extract({ left: Math.max(0, -left), top: Math.max(0, -top), width: Math.min(width - Math.max(0, -left), 540 - Math.max(0, left)), height: Math.min(height - Math.max(0, -top), 960 - Math.max(0, top)) })
    .toBuffer();
  const png = join(work, "frame.png"), y4m = join(work, "frame.y4m");
  writeFileSync(png, await sharp({ create: { width: 540, height: 960, channels: 3, background: "#c8c8c8" } }).composite([{ input: inside, left: Math.max(0, left), top: Math.max(0, top) }]).png().toBuffer());
  execFileSync("ffmpeg", ["-v", "error", "-y", "-i", png, "-frames:v", "1", "-pix_fmt", "yuv420p", y4m]);
  return toJpeg(readY4mFrame(y4m));
}
