// The vision engine's public surface: everything the app needs, nothing it should not reach into.
export type { Box, DecodedImage, DetectedFace, FaceQuality, FivePoints, Point, QualityWarning, Rotation } from "./types";
export { analyzeFace, type AnalyzeOptions, type FaceAnalysis, type PrimaryFace } from "./analyze-face";
export { explainFace, type EngineCrop, type FaceExplanation } from "./explain-face";
export { compareEmbeddings, type Comparison, type FaceTemplate } from "./compare-embeddings";
export { detectFaces, type DetectOptions } from "./detect-faces";
export { scoreLiveness, type LivenessResult } from "./score-liveness";
export { loadVisionModels, getVisionStatus, type VisionStatus } from "./load-vision-models";
export { rotateImage } from "./rotate-image";
export { getRecogniserConfig } from "./recogniser";
