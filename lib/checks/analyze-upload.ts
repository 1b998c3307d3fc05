import { decodeImageOrThrow } from "@/lib/media/decode-image";
import type { DecodedImage } from "@/lib/media/types";
import { analyzeFace, rotateImage, type FaceAnalysis, type FaceExplanation } from "@/lib/vision";
import { analyzeImageBytes, type BytesAnalysis } from "@/lib/vision/analyze-image-bytes";
import { createWarning, type Warning } from "@/lib/verification/warnings";

// `image` is turned by `analysis.rotation`, so face coordinates index into it directly.
export type AnalyzedUpload = { field: string; bytes: Uint8Array; image: DecodedImage; analysis: FaceAnalysis };

// Bytes -> checked, oriented pixels -> every face, with the largest embedded and graded. For the
// capture flow, whose challenges read the frames' pixels here.
// `embed: false` finds the faces and their landmarks only (no embedding, no grading, no `primary`).
export async function analyzeUpload(input: { field: string; bytes: Uint8Array; rotate: boolean; embed?: boolean }): Promise<AnalyzedUpload> {
  const image = await decodeImageOrThrow(input.bytes, { field: input.field });
  const analysis = await analyzeFace(image, { rotate: input.rotate, embed: input.embed });
  const turned = analysis.rotation === 0 ? image : { ...image, ...rotateImage(image, analysis.rotation) };
  return { field: input.field, bytes: input.bytes, image: turned, analysis };
}

export type CheckedUpload = Omit<BytesAnalysis, "explanation"> & { field: string };
export type ExplainUpload = (field: string, explanation: FaceExplanation) => void;

// The same for the standalone checks, which need only the results: decoding happens on an
// inference worker with the rest, and the pixels never reach this thread.
// `explain`, when given, receives what the models saw in this image, computed from the check's own
// decode and detection (the console playground's overlay).
export async function checkUpload(input: { field: string; bytes: Uint8Array; rotate: boolean; liveness?: boolean; explain?: ExplainUpload }): Promise<CheckedUpload> {
  const { explain, ...rest } = input;
  const { explanation, ...result } = await analyzeImageBytes({ ...rest, explain: explain !== undefined });
  if (explain && explanation) explain(input.field, explanation);
  return { field: input.field, ...result };
}

// No face, several faces and quality problems, naming the image they concern.
export function describeFaceWarnings(upload: { field: string; analysis: FaceAnalysis }): Warning[] {
  const { analysis, field } = upload;
  if (!analysis.primary) return [createWarning("NO_FACE_DETECTED", `Image: ${field}.`)];
  const warnings: Warning[] = [];
  if (analysis.faces.length > 1) warnings.push(createWarning("MULTIPLE_FACES_DETECTED", `Image: ${field} (${analysis.faces.length} faces).`));
  for (const risk of analysis.primary.warnings) warnings.push(createWarning(risk, `Image: ${field}.`));
  return warnings;
}
