import type { PrimaryFace } from "@/lib/vision/analyze-face";
import { compareEmbeddings, type Comparison } from "@/lib/vision/compare-embeddings";
import { embedFace, recogniserConfigFor } from "@/lib/vision/recogniser";
import type { DecodedImage, DetectedFace } from "@/lib/vision/types";
import { decryptEmbedding } from "@/lib/crypto/encryption";
import { AppError } from "@/lib/errors";

export type StoredTemplate = { id: string; modelId: string; embedding: Uint8Array };

/**
 * Compares a probe face with a stored template. A template made by an earlier built-in recogniser
 * that could not be re-embedded (no image of that face is kept) is compared with the probe embedded
 * by that same model, so enrolled faces keep working across a recogniser change.
 */
export async function compareWithTemplate(input: { image: DecodedImage; face: DetectedFace; primary: PrimaryFace; template: StoredTemplate }): Promise<Comparison> {
  const { template, primary } = input;
  const stored = { embedding: decryptEmbedding(template.embedding, `template:${template.id}`), modelId: template.modelId };
  if (template.modelId === primary.modelId) return compareEmbeddings({ embedding: primary.embedding, modelId: primary.modelId }, stored);
  const config = recogniserConfigFor(template.modelId);
  if (!config) throw new AppError("unprocessable", `the enrolled face was made by ${template.modelId}, which this build no longer ships; re-enrol the face`);
  const probe = await embedFace(input.image, input.face, config);
  return compareEmbeddings({ embedding: probe.embedding, modelId: probe.modelId }, stored);
}
