import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..", "..");
const generated = path.join(root, "e2e", "fixtures", "generated");

type Located = { x: number; y: number; width: number; height: number; imageWidth: number; imageHeight: number } | null;

function locateFace(imagePath: string): Located {
  const out = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "support", "locate-face.ts"), imagePath], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as Located;
}

// A fake front camera showing one dataset face the way a person holds a phone: a 540x960 portrait
// frame with the face about 45% of the width, a little above the centre (inside the page's oval). The
// face is located with the project's own detector, so any dataset photo works. Generated at test time
// into the git-ignored fixtures/generated/; nothing is committed.
export async function makeFaceCamera(imagePath: string, name: string): Promise<string> {
  mkdirSync(generated, { recursive: true });
  const out = path.join(generated, `camera-${name}.y4m`);
  if (existsSync(out)) return out;
  const bytes = readFileSync(imagePath);
  const face = locateFace(imagePath);
  if (!face) throw new Error(`no face in ${imagePath}`);
  const scale = (540 * 0.45) / face.width;
  const width = Math.round(face.imageWidth * scale);
  const height = Math.round(face.imageHeight * scale);
  const cx = (face.x + face.width / 2) * scale;
  const cy = (face.y + face.height / 2) * scale;
  const left = Math.round(270 - cx);
  const top = Math.round(420 - cy);
  const resized = await sharp(bytes).rotate().resize(width, height).toBuffer();
  const frame = path.join(generated, `camera-${name}.png`);
  const input = await sharp(resized)
    .extract({ left: Math.max(0, -left), top: Math.max(0, -top), width: Math.min(width - Math.max(0, -left), 540 - Math.max(0, left)), height: Math.min(height - Math.max(0, -top), 960 - Math.max(0, top)) })
    .toBuffer();
  await sharp({ create: { width: 540, height: 960, channels: 3, background: "#c8c8c8" } })
    .composite([{ input, left: Math.max(0, left), top: Math.max(0, top) }])
    .png()
    .toFile(frame);
  execFileSync("ffmpeg", ["-v", "error", "-y", "-loop", "1", "-i", frame, "-t", "2", "-r", "15", "-pix_fmt", "yuv420p", out]);
  return out;
}
