import { analyzeFace, type FaceAnalysis } from "./analyze-face";
import { alignmentMatrix } from "./align-face";
import { cropMatrix, scaledCropBox, upstreamFaceBox } from "./liveness-crop";
import { getRecogniserConfig } from "./recogniser";
import { rotateImage } from "./rotate-image";
import { LIVENESS_MODELS, LIVENESS_PATCH_SIZE } from "./score-liveness";
import type { Affine, Box, DecodedImage, FivePoints, Point, Rotation } from "./types";
import { warpToTensor } from "./warp-to-tensor";

/** RGB pixels of a crop the engine fed to a model, and where it lies in the image (4 corners). */
export type EngineCrop = { label: string; model: string; width: number; height: number; rgb: Uint8Array; corners: Point[] };

export type FaceExplanation = {
  width: number;
  height: number;
  /** the turn (clockwise) the detector needed; coordinates below are in the upright input image */
  rotation: Rotation;
  faces: { box: Box; landmarks: FivePoints; confidence: number }[];
  crops: EngineCrop[];
};

// A point of the image turned clockwise by `rotation` mapped back onto the input image (w x h).
export function unrotatePoint([x, y]: Point, rotation: Rotation, w: number, h: number): Point {
  if (rotation === 90) return [y, h - x];
  if (rotation === 180) return [w - x, h - y];
  if (rotation === 270) return [w - y, x];
  return [x, y];
}

function apply(m: Affine, [x, y]: Point): Point {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

function toRgb(values: Float32Array): Uint8Array {
  return Uint8Array.from(values, (v) => Math.max(0, Math.min(255, Math.round(v))));
}

function crop(work: DecodedImage, m: Affine, size: number, maxSamples?: number): Uint8Array {
  return toRgb(warpToTensor({ image: work, dstToSrc: m, width: size, height: size, layout: "nhwc", mean: [0, 0, 0], scale: [1, 1, 1], maxSamples }));
}

/**
 * What the engine saw in an image, for a reviewer: every detected face's box and five alignment points,
 * and for the largest face the aligned chip the recogniser embedded and the patch the first liveness
 * model scored, computed exactly as the checks compute them.
 */
export async function explainFace(image: DecodedImage): Promise<FaceExplanation> {
  return explainAnalyzedFace(image, await analyzeFace(image, { rotate: true, embed: false }));
}

/** explainFace from an analysis already made of `image` (a check's own), so nothing is detected twice. */
export function explainAnalyzedFace(image: DecodedImage, analysis: Pick<FaceAnalysis, "faces" | "rotation">): FaceExplanation {
  const { rotation } = analysis;
  const back = (p: Point) => unrotatePoint(p, rotation, image.width, image.height);
  const backBox = (b: Box): Box => {
    const [a, c] = [back([b.x, b.y]), back([b.x + b.width, b.y + b.height])];
    return { x: Math.min(a[0], c[0]), y: Math.min(a[1], c[1]), width: Math.abs(c[0] - a[0]), height: Math.abs(c[1] - a[1]) };
  };
  const faces = analysis.faces.map((f) => ({
    box: backBox(f.box),
    confidence: f.confidence,
    landmarks: { leftEye: back(f.landmarks.leftEye), rightEye: back(f.landmarks.rightEye), nose: back(f.landmarks.nose), mouthLeft: back(f.landmarks.mouthLeft), mouthRight: back(f.landmarks.mouthRight) },
  }));
  const primary = analysis.faces[0];
  if (!primary) return { width: image.width, height: image.height, rotation, faces, crops: [] };
  const work = rotateImage(image, rotation);
  const config = getRecogniserConfig();
  const chip = alignmentMatrix({ mesh: primary.mesh, landmarks: primary.landmarks, alignment: config.alignment, size: config.size });
  const patch = cropMatrix(scaledCropBox({ box: upstreamFaceBox(primary.box), scale: LIVENESS_MODELS[0].scale, width: work.width, height: work.height }), LIVENESS_PATCH_SIZE);
  const corners = (m: Affine, size: number) => ([[0, 0], [size, 0], [size, size], [0, size]] as Point[]).map((p) => back(apply(m, p)));
  return {
    width: image.width,
    height: image.height,
    rotation,
    faces,
    crops: [
      { label: "Aligned face (recogniser)", model: config.modelId, width: config.size, height: config.size, rgb: crop(work, chip, config.size, config.maxSamples), corners: corners(chip, config.size) },
      { label: "Liveness patch", model: LIVENESS_MODELS[0].id, width: LIVENESS_PATCH_SIZE, height: LIVENESS_PATCH_SIZE, rgb: crop(work, patch, LIVENESS_PATCH_SIZE, 1), corners: corners(patch, LIVENESS_PATCH_SIZE) },
    ],
  };
}
