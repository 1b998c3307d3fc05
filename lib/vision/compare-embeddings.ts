import { AppError } from "@/lib/errors";
import { getRecogniserConfig } from "./recogniser";
import { getScoreCalibration, scoreFromCosine } from "./score-calibration";

export type FaceTemplate = { embedding: Float32Array; modelId: string };
export type Comparison = { cosine: number; score: number; modelId: string };

/**
 * Cosine similarity of two L2-normalised embeddings and its calibrated 0-100 score. Symmetric by
 * construction (the dot product is summed in index order). Templates of different models never compare.
 */
export function compareEmbeddings(a: FaceTemplate | Float32Array, b: FaceTemplate | Float32Array): Comparison {
  const ta = a instanceof Float32Array ? { embedding: a, modelId: getRecogniserConfig().modelId } : a;
  const tb = b instanceof Float32Array ? { embedding: b, modelId: getRecogniserConfig().modelId } : b;
  if (ta.modelId !== tb.modelId) throw new AppError("unprocessable", `face templates come from different models (${ta.modelId} vs ${tb.modelId}); re-enrol the face`);
  if (ta.embedding.length !== tb.embedding.length) throw new AppError("unprocessable", "face templates have different lengths");
  let dot = 0;
  for (let i = 0; i < ta.embedding.length; i++) dot += ta.embedding[i] * tb.embedding[i];
  const cosine = Math.max(-1, Math.min(1, dot));
  return { cosine, score: scoreFromCosine(cosine, getScoreCalibration(ta.modelId)), modelId: ta.modelId };
}
