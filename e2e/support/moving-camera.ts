import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { locateFace } from "./face-camera";

const generated = path.resolve(import.meta.dirname, "..", "fixtures", "generated");

// How a fake 640x480 camera moves, in output pixels and hertz. Every period divides the 4 s loop, so
// Chromium's replay of the file has no jump where it wraps.
export type CameraMotion = {
  /** slow drift of the hand (x and y) */
  drift?: { px: number; hz: number };
  /** tremor: two fast, incommensurate shakes */
  tremor?: { px: number };
  /** walking the phone around: a large sweep and a change of distance */
  walk?: { px: number; hz: number; scale: number };
  /** sensor noise strength (ffmpeg noise alls) */
  noise: number;
};

export const cameraMotions = {
  "drift-1.5px-0.5hz": { drift: { px: 1.5, hz: 0.5 }, noise: 6 },
  "drift-4px-2hz": { drift: { px: 4, hz: 2 }, noise: 6 },
  tremor: { drift: { px: 2, hz: 0.5 }, tremor: { px: 2.5 }, noise: 6 },
  noise: { noise: 18 },
  walk: { walk: { px: 110, hz: 0.5, scale: 0.25 }, noise: 6 },
} satisfies Record<string, CameraMotion>;

const OUT_W = 640, OUT_H = 480;
// drawn at twice the size and scaled down, so motion has half-pixel steps; a wide grey margin lets the
// walking camera sweep and zoom without running out of picture
const SS = 2, MARGIN = 600;
const FACE_WIDTH = 200; // in output pixels, centred where the page's oval sits in a 4:5 preview card
const FACE_CENTRE = { x: 320, y: 205 };

async function drawBase(imagePath: string, name: string): Promise<string> {
  const out = path.join(generated, `moving-${name}-base.png`);
  if (existsSync(out)) return out;
  const face = locateFace(imagePath);
  if (!face) throw new Error(`no face in ${imagePath}`);
  const scale = (FACE_WIDTH * SS) / face.width;
  const width = Math.round(face.imageWidth * scale), height = Math.round(face.imageHeight * scale);
  const left = Math.round(MARGIN + FACE_CENTRE.x * SS - (face.x + face.width / 2) * scale);
  const top = Math.round(MARGIN + FACE_CENTRE.y * SS - (face.y + face.height / 2) * scale);
  const photo = await sharp(imagePath).rotate().resize(width, height).toBuffer();
  await sharp({ create: { width: OUT_W * SS + 2 * MARGIN, height: OUT_H * SS + 2 * MARGIN, channels: 3, background: "#c4c6c8" } })
    .composite([{ input: photo, left, top }])
    .png()
    .toFile(out);
  return out;
}

const sin = (px: number, hz: number, phase = 0) => `${px * SS}*sin(2*PI*${hz}*t+${phase})`;

/** A y4m for Chromium's fake camera: the dataset face at 640x480, moving as `motion` says. */
export async function makeMovingCamera(imagePath: string, name: string, motion: CameraMotion): Promise<string> {
  mkdirSync(generated, { recursive: true });
  const out = path.join(generated, `moving-${name}.y4m`);
  if (existsSync(out)) return out;
  const base = await drawBase(imagePath, name.split(".")[0]);
  const dx: string[] = ["0"], dy: string[] = ["0"];
  if (motion.drift) {
    dx.push(sin(motion.drift.px, motion.drift.hz));
    dy.push(sin(motion.drift.px * 0.7, motion.drift.hz / 2, 1));
  }
  if (motion.tremor) {
    dx.push(sin(motion.tremor.px, 8.75), sin(motion.tremor.px * 0.6, 12.25, 2));
    dy.push(sin(motion.tremor.px * 0.8, 10.25, 1), sin(motion.tremor.px * 0.5, 13.75));
  }
  if (motion.walk) {
    dx.push(sin(motion.walk.px, motion.walk.hz));
    dy.push(sin(motion.walk.px * 0.3, motion.walk.hz / 2, 0.5));
  }
  const zoom = motion.walk ? `(1+${motion.walk.scale}*sin(2*PI*${motion.walk.hz / 2}*t))` : "1";
  const filters = [
    "format=rgb24",
    ...(motion.walk ? [`scale=w='trunc(iw*${zoom}/2)*2':h='trunc(ih*${zoom}/2)*2':eval=frame`] : []),
    `crop=${OUT_W * SS}:${OUT_H * SS}:x='(iw-${OUT_W * SS})/2+${dx.join("+")}':y='(ih-${OUT_H * SS})/2+${dy.join("+")}'`,
    `scale=${OUT_W}:${OUT_H}`,
    `noise=alls=${motion.noise}:allf=t+u`,
    "format=yuv420p",
  ];
  execFileSync("ffmpeg", ["-v", "error", "-y", "-loop", "1", "-framerate", "15", "-i", base, "-t", "4", "-r", "15", "-vf", filters.join(","), "-pix_fmt", "yuv420p", out]);
  return out;
}
