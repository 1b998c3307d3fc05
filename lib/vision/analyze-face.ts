import { detectFaces, type DetectOptions } from "./detect-faces";
import { estimatePose, chipToGray, laplacianVariance, luminanceScore, meanLuminance, overallQuality, poseScore, qualityWarnings, sharpnessScore, sizeScore } from "./quality";
import { runVisionTask } from "./model-sessions";
import { embedFace, getRecogniserConfig, type RecogniserConfig } from "./recogniser";
import { rotateImage } from "./rotate-image";
import type { Box, DecodedImage, DetectedFace, FaceQuality, FivePoints, QualityWarning, Rotation } from "./types";

export type PrimaryFace = {
  box: Box;
  landmarks: FivePoints;
  confidence: number;
  embedding: Float32Array;
  modelId: string;
  quality: FaceQuality;
  pose: { yaw: number; pitch: number; roll: number };
  meanLuminance: number;
  warnings: QualityWarning[];
};

export type FaceAnalysis = {
  /** every face, largest first; coordinates in the input image turned clockwise by `rotation` */
  faces: DetectedFace[];
  primary?: PrimaryFace;
  rotation: Rotation;
};

export type AnalyzeOptions = {
  rotate?: boolean;
  tiles?: DetectOptions["tiles"];
  embed?: boolean;
  /** taken from the caller's configuration when absent; a worker is handed the caller's */
  recogniser?: RecogniserConfig;
};

/**
 * Detects every face, then embeds and grades the largest one (the one a 1:1 match uses), on an
 * inference worker when there are workers.
 */
export function analyzeFace(image: DecodedImage, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
  const withRecogniser = { ...options, recogniser: options.recogniser ?? getRecogniserConfig() };
  return runVisionTask("analyze", image, withRecogniser, () => analyzeFaceHere(image, withRecogniser));
}

/** analyzeFace on this thread (what a worker runs). */
export async function analyzeFaceHere(image: DecodedImage, options: AnalyzeOptions = {}): Promise<FaceAnalysis> {
  const turns: Rotation[] = options.rotate ? [0, 90, 180, 270] : [0];
  for (const rotation of turns) {
    // Every crop samples the full-resolution image directly (cost depends on crop size, not on
    // megapixels), so a 3 MP photo is never copied or resized as a whole.
    const work = rotateImage(image, rotation);
    const faces = await detectFaces(work, { tiles: options.tiles ?? "never" });
    if (faces.length === 0) continue;
    if (options.embed === false) return { faces, rotation };
    return { faces, rotation, primary: await describePrimary(work, faces[0], options.recogniser ?? getRecogniserConfig()) };
  }
  return { faces: [], rotation: 0 };
}

async function describePrimary(work: DecodedImage, face: DetectedFace, config: RecogniserConfig): Promise<PrimaryFace> {
  const { embedding, modelId, chip } = await embedFace(work, face, config);
  const gray = chipToGray(chip, config.size, config.layout, config.mean, config.scale);
  const pose = estimatePose(face.mesh);
  const luma = meanLuminance(gray, config.size, config.size);
  const l = face.landmarks;
  const parts = {
    size: sizeScore(Math.hypot(l.rightEye[0] - l.leftEye[0], l.rightEye[1] - l.leftEye[1])),
    sharpness: sharpnessScore(laplacianVariance(gray, config.size, config.size)),
    luminance: luminanceScore(luma),
    pose: poseScore(pose),
  };
  const quality = { ...parts, overall: overallQuality(parts) };
  return { box: face.box, landmarks: face.landmarks, confidence: face.confidence, embedding, modelId, quality, pose, meanLuminance: luma, warnings: qualityWarnings(quality, luma) };
}
