import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..", "..");
const generated = path.join(root, "e2e", "fixtures", "generated");

type Located = { x: number; y: number; width: number; height: number; imageWidth: number; imageHeight: number } | null;

export function locateFace(imagePath: string): Located {
  const out = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "support", "locate-face.ts"), imagePath], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as Located;
}

// The frame is drawn MARGIN px larger on every side, so the live camera can sway inside it.
const MARGIN = 10;
const FPS = 15;
// A live camera: the picture sways by a pixel or two (a hand-held phone, a breathing person) and every
// frame gets fresh sensor-like noise. Without them Chromium plays the same frame over and over: what a
// camera-injection tool feeding one photo looks like, and what the server rejects.
const liveFilter = `crop=540:960:x='${MARGIN}+2*sin(2*PI*t*0.5)':y='${MARGIN}+1.5*cos(2*PI*t*0.4)',noise=alls=7:allf=t+u,format=yuv420p`;

async function drawFrame(imagePath: string, name: string): Promise<string> {
  const frame = path.join(generated, `camera-${name}-frame.png`);
  if (existsSync(frame)) return frame;
  const bytes = readFileSync(imagePath);
  const face = locateFace(imagePath);
  if (!face) throw new Error(`no face in ${imagePath}`);
  const w = 540 + 2 * MARGIN, h = 960 + 2 * MARGIN;
  const scale = (540 * 0.45) / face.width;
  const width = Math.round(face.imageWidth * scale);
  const height = Math.round(face.imageHeight * scale);
  const cx = (face.x + face.width / 2) * scale;
  const cy = (face.y + face.height / 2) * scale;
  const left = Math.round(270 + MARGIN - cx);
  const top = Math.round(420 + MARGIN - cy);
  const resized = await sharp(bytes).rotate().resize(width, height).toBuffer();
  const input = await sharp(resized)
    .extract({ left: Math.max(0, -left), top: Math.max(0, -top), width: Math.min(width - Math.max(0, -left), w - Math.max(0, left)), height: Math.min(height - Math.max(0, -top), h - Math.max(0, top)) })
    .toBuffer();
  await sharp({ create: { width: w, height: h, channels: 3, background: "#c8c8c8" } })
    .composite([{ input, left: Math.max(0, left), top: Math.max(0, top) }])
    .png()
    .toFile(frame);
  return frame;
}

// A fake front camera showing one dataset face the way a person holds a phone: a 540x960 portrait
// frame with the face about 45% of the width, a little above the centre (inside the page's oval). The
// face is located with the project's own detector, so any dataset photo works. Live by default (sway
// and noise); `still` plays the photo unchanged (an injected still image). Generated at test time into
// the git-ignored fixtures/generated/; nothing is committed.
export async function makeFaceCamera(imagePath: string, name: string, options: { still?: boolean } = {}): Promise<string> {
  mkdirSync(generated, { recursive: true });
  const out = path.join(generated, `camera-${name}${options.still ? "-still" : "-live"}.y4m`);
  if (existsSync(out)) return out;
  const frame = await drawFrame(imagePath, name);
  const filter = options.still ? `crop=540:960:${MARGIN}:${MARGIN},format=yuv420p` : liveFilter;
  execFileSync("ffmpeg", ["-v", "error", "-y", "-loop", "1", "-framerate", String(FPS), "-i", frame, "-t", options.still ? "2" : "4", "-vf", filter, "-pix_fmt", "yuv420p", out]);
  return out;
}

// Five frames 200 ms apart from a fake-camera video, as JPEGs of the quality the hosted page sends:
// what the page's PASSIVE burst uploads when that video is its camera.
export function extractBurst(video: string, name: string): Buffer[] {
  const dir = path.join(generated, `burst-${name}`);
  const step = Math.round(FPS * 0.2);
  if (!existsSync(path.join(dir, "frame-5.jpg"))) {
    mkdirSync(dir, { recursive: true });
    execFileSync("ffmpeg", ["-v", "error", "-y", "-i", video, "-vf", `select='not(mod(n\\,${step}))'`, "-frames:v", "5", "-fps_mode", "passthrough", "-q:v", "3", path.join(dir, "frame-%d.jpg")]);
  }
  return [1, 2, 3, 4, 5].map((i) => readFileSync(path.join(dir, `frame-${i}.jpg`)));
}

/** The PASSIVE burst a live camera showing this dataset face would give (cached per image). */
export async function liveBurst(imagePath: string): Promise<Buffer[]> {
  const name = path.relative(root, imagePath).replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+/, "");
  return extractBurst(await makeFaceCamera(imagePath, name), `${name}-live`);
}
