import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";

const root = path.resolve(import.meta.dirname, "..", "..");

// A dataset photo placed in a 640x480 camera frame (face 200 px wide where the page's oval sits in a
// 4:5 preview), with its FaceMesh (468 points with depth, from the project's own model) in frame
// pixels, the mesh's triangulation and face outline (shipped in @vladmandic/human's source), for the
// reactive test camera to light and turn.
export type FaceModel = { photo: string; width: number; height: number; mesh: number[]; triangles: number[]; silhouette: number[]; faceWidth: number };

const W = 640, H = 480, FACE_WIDTH = 200, CENTRE = { x: 320, y: 205 };

function meshTables(): { triangles: number[]; silhouette: number[] } {
  const source = readFileSync(path.join(root, "node_modules/@vladmandic/human/src/face/facemeshcoords.ts"), "utf8");
  const array = (pattern: RegExp) => {
    const found = source.match(pattern);
    if (!found) throw new Error(`${pattern} not found in facemeshcoords.ts`);
    return found[1].split(",").map((v) => v.trim()).filter(Boolean).map(Number);
  };
  return { triangles: array(/TRI468: number\[\] = \[([^\]]+)\]/), silhouette: array(/silhouette: \[([^\]]+)\]/) };
}

export async function makeFaceModel(imagePath: string): Promise<FaceModel> {
  const out = execFileSync(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "e2e", "support", "locate-mesh.ts"), imagePath], { cwd: root, encoding: "utf8" });
  const found = JSON.parse(out) as { mesh: number[]; box: { x: number; y: number; width: number; height: number }; imageWidth: number; imageHeight: number } | null;
  if (!found) throw new Error(`no face in ${imagePath}`);
  const s = FACE_WIDTH / found.box.width;
  const left = Math.round(CENTRE.x - (found.box.x + found.box.width / 2) * s);
  const top = Math.round(CENTRE.y - (found.box.y + found.box.height / 2) * s);
  const resized = await sharp(imagePath).rotate().resize(Math.round(found.imageWidth * s), Math.round(found.imageHeight * s)).toBuffer();
  const meta = await sharp(resized).metadata();
  const crop = { left: Math.max(0, -left), top: Math.max(0, -top) };
  const piece = await sharp(resized)
    .extract({ ...crop, width: Math.min(meta.width! - crop.left, W - Math.max(0, left)), height: Math.min(meta.height! - crop.top, H - Math.max(0, top)) })
    .toBuffer();
  const png = await sharp({ create: { width: W, height: H, channels: 3, background: "#c4c6c8" } }).composite([{ input: piece, left: Math.max(0, left), top: Math.max(0, top) }]).png().toBuffer();
  const mesh = found.mesh.map((v, i) => (i % 3 === 0 ? v * s + left : i % 3 === 1 ? v * s + top : v * s));
  return { photo: `data:image/png;base64,${png.toString("base64")}`, width: W, height: H, mesh, ...meshTables(), faceWidth: FACE_WIDTH };
}
