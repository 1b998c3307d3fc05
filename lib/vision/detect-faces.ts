import * as ort from "onnxruntime-node";
import { applyAffine } from "./affine";
import { BLAZEFACE_SIZE, decodeBlazeface, suppressOverlaps, type RawDetection } from "./blazeface-decode";
import { fivePointsFromMesh, MESH } from "./face-landmarks";
import { predictMeshes, type MeshRoi } from "./facemesh";
import { getBuiltinSession, runModel } from "./model-sessions";
import { inputBuffer } from "./input-buffers";
import type { Affine, DecodedImage, DetectedFace } from "./types";
import { warpToTensor } from "./warp-to-tensor";

export type DetectOptions = {
  /** detector score needed to keep a candidate (0-1) */
  minScore?: number;
  /** FaceMesh face-presence score needed to keep a face (0-1) */
  minMeshScore?: number;
  /** also scan overlapping tiles for small faces (group photos); "auto" does it for large images */
  tiles?: "auto" | "always" | "never";
  maxFaces?: number;
  /** run FaceMesh a second time on the ROI its first answer gives (more precise landmarks) */
  refine?: boolean;
};

type Candidate = RawDetection & { source: "frame" | "tile" | "zoom" };

// Square regions of the image to run the 256x256 detector on, as (x0, y0, side).
type Region = { x0: number; y0: number; side: number; source: Candidate["source"] };

async function detectInRegions(image: DecodedImage, regions: Region[], minScore: number): Promise<Candidate[]> {
  const session = await getBuiltinSession("blazeface");
  const per = BLAZEFACE_SIZE * BLAZEFACE_SIZE * 3;
  const found: Candidate[] = [];
  // The converted graph has a fixed batch of 1 (its Reshape constants say so): one run per region.
  for (const region of regions) {
    const s = region.side / BLAZEFACE_SIZE;
    const toImage: Affine = [s, 0, region.x0, 0, s, region.y0];
    const input = warpToTensor({ image, dstToSrc: toImage, width: BLAZEFACE_SIZE, height: BLAZEFACE_SIZE, layout: "nhwc", mean: [127.5, 127.5, 127.5], scale: [1 / 127.5, 1 / 127.5, 1 / 127.5], maxSamples: 1, out: inputBuffer("blazeface", per) });
    const out = await runModel(session, { input: new ort.Tensor("float32", input, [1, BLAZEFACE_SIZE, BLAZEFACE_SIZE, 3]) });
    const heads = [
      { scores: out.Identity.data as Float32Array, boxes: out.Identity_2.data as Float32Array },
      { scores: out.Identity_1.data as Float32Array, boxes: out.Identity_3.data as Float32Array },
    ];
    for (const d of decodeBlazeface(heads, minScore)) {
      const [cx, cy] = applyAffine(toImage, [d.cx, d.cy]);
      found.push({ score: d.score, cx, cy, w: d.w * s, h: d.h * s, keypoints: d.keypoints.map((p) => applyAffine(toImage, p)), source: region.source });
    }
  }
  return found;
}

function frameRegion(image: DecodedImage): Region {
  const side = Math.max(image.width, image.height);
  return { x0: (image.width - side) / 2, y0: (image.height - side) / 2, side, source: "frame" };
}

// Detector input is plain bilinear (one tap per pixel), as in the TF.js pipeline it was run with.
// 2x2 overlapping tiles (each 60% of the longer side): faces 4x smaller than the frame pass finds.
function tileRegions(image: DecodedImage): Region[] {
  const side = Math.max(image.width, image.height) * 0.6;
  const xs = image.width <= side ? [(image.width - side) / 2] : [0, image.width - side];
  const ys = image.height <= side ? [(image.height - side) / 2] : [0, image.height - side];
  return xs.flatMap((x0) => ys.map((y0) => ({ x0, y0, side, source: "tile" as const })));
}

// A face that fills the frame (ID chip, close selfie) is too big for the long-range detector;
// shrinking the whole image into the middle of a larger canvas brings it into range.
function zoomOutRegion(image: DecodedImage): Region {
  const side = Math.max(image.width, image.height) * 2;
  return { x0: (image.width - side) / 2, y0: (image.height - side) / 2, side, source: "zoom" };
}

function roiFromDetection(d: RawDetection): MeshRoi {
  const [l, r] = d.keypoints;
  return { cx: d.cx, cy: d.cy, size: Math.max(d.w, d.h) * 1.5, angle: Math.atan2(r[1] - l[1], r[0] - l[0]) };
}

// MediaPipe's tracking ROI: the mesh's extent in the eye-aligned frame, enlarged 1.5x.
export function roiFromMesh(mesh: Float32Array): MeshRoi {
  const a = [mesh[MESH.leftEyeOuter * 3], mesh[MESH.leftEyeOuter * 3 + 1]];
  const b = [mesh[MESH.rightEyeOuter * 3], mesh[MESH.rightEyeOuter * 3 + 1]];
  const angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
  for (let i = 0; i < 468; i++) {
    const x = mesh[i * 3], y = mesh[i * 3 + 1];
    const u = x * cos + y * sin, v = -x * sin + y * cos;
    minU = Math.min(minU, u); maxU = Math.max(maxU, u); minV = Math.min(minV, v); maxV = Math.max(maxV, v);
  }
  const cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
  return { cx: cu * cos - cv * sin, cy: cu * sin + cv * cos, size: Math.max(maxU - minU, maxV - minV) * 1.5, angle };
}

function boxOfMesh(mesh: Float32Array) {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < 468; i++) {
    x0 = Math.min(x0, mesh[i * 3]); x1 = Math.max(x1, mesh[i * 3]);
    y0 = Math.min(y0, mesh[i * 3 + 1]); y1 = Math.max(y1, mesh[i * 3 + 1]);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Every face in the image, largest first, with a box, a confidence and FaceMesh landmarks. */
export async function detectFaces(image: DecodedImage, options: DetectOptions = {}): Promise<DetectedFace[]> {
  const minScore = options.minScore ?? 0.5;
  const minMeshScore = options.minMeshScore ?? 0.5;
  const tiles = options.tiles ?? "auto";
  const maxFaces = options.maxFaces ?? 20;
  const regions = [frameRegion(image)];
  const wantTiles = tiles === "always" || (tiles === "auto" && Math.max(image.width, image.height) >= 2 * BLAZEFACE_SIZE);
  if (wantTiles) regions.push(...tileRegions(image));
  let candidates = await detectInRegions(image, regions, minScore);
  if (candidates.length === 0) candidates = await detectInRegions(image, [zoomOutRegion(image)], minScore);
  const kept = suppressOverlaps(candidates, 0.3).slice(0, maxFaces);
  const refine = options.refine !== false;
  // When a second pass follows, the first only places its ROI: a plain bilinear crop does.
  const first = await predictMeshes(image, kept.map(roiFromDetection), { maxSamples: refine ? 1 : 2 });
  // A second FaceMesh pass on the ROI its own first answer gives: the detector box is loose and
  // the mesh is most precise when the crop matches what it was trained on. Plain bilinear, as
  // MediaPipe crops: 2x2 anti-aliasing cost 4x the taps (~2 ms an image) for recognition
  // figures no better (faces-dev at native size and upscaled to 2.5 and 4 MP, November 2026).
  const refined = !refine ? first : await predictMeshes(image, first.map((m) => roiFromMesh(m.mesh)), { maxSamples: 1 });
  const faces: DetectedFace[] = [];
  refined.forEach((m, i) => {
    if (m.faceScore < minMeshScore) return;
    faces.push({ box: boxOfMesh(m.mesh), confidence: kept[i].score, landmarks: fivePointsFromMesh(m.mesh), mesh: m.mesh });
  });
  return dedupeByBox(faces).sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
}

// Tiles and the full frame can both see one face with boxes NMS did not merge; after the mesh
// the boxes agree closely, so merge again on them.
function dedupeByBox(faces: DetectedFace[]): DetectedFace[] {
  const asRaw = (f: DetectedFace, i: number) => ({ score: f.confidence, cx: f.box.x + f.box.width / 2, cy: f.box.y + f.box.height / 2, w: f.box.width, h: f.box.height, keypoints: [], i });
  const kept: ReturnType<typeof asRaw>[] = [];
  for (const r of suppressOverlaps(faces.map(asRaw), 0.4)) {
    // also drop a smaller box lying mostly inside a kept one (a part of a face scored as a face)
    if (kept.some((k) => containedFraction(r, k) > 0.6)) continue;
    kept.push(r);
  }
  return kept.map((r) => faces[r.i]);
}

function containedFraction(inner: RawDetection, outer: RawDetection): number {
  const ix = Math.max(0, Math.min(inner.cx + inner.w / 2, outer.cx + outer.w / 2) - Math.max(inner.cx - inner.w / 2, outer.cx - outer.w / 2));
  const iy = Math.max(0, Math.min(inner.cy + inner.h / 2, outer.cy + outer.h / 2) - Math.max(inner.cy - inner.h / 2, outer.cy - outer.h / 2));
  return (ix * iy) / (inner.w * inner.h || 1);
}
