import { decodeImageOrThrow } from "@/lib/media/decode-image";
import type { DecodedImage } from "@/lib/media/types";
import { analyzeFaceHere, type FaceAnalysis } from "./analyze-face";
import { explainAnalyzedFace, type FaceExplanation } from "./explain-face";
import { runVisionTask } from "./model-sessions";
import { getRecogniserConfig, type RecogniserConfig } from "./recogniser";
import { rotateImage } from "./rotate-image";
import { scoreLivenessHere, type LivenessResult } from "./score-liveness";

/** What is known of a decoded upload once its pixels are gone. */
export type ImageInfo = Omit<DecodedImage, "data">;

export type AnalyzeBytesInput = {
  bytes: Uint8Array;
  /** request field, named in decode errors */
  field: string;
  rotate: boolean;
  /** also score passive liveness on the largest face */
  liveness?: boolean;
  /** also return what the models saw (face boxes, points, model crops), from this same analysis */
  explain?: boolean;
  recogniser?: RecogniserConfig;
};

export type BytesAnalysis = { image: ImageInfo; analysis: FaceAnalysis; liveness?: LivenessResult; explanation?: FaceExplanation };

/**
 * Uploaded bytes -> checked, decoded pixels -> every face, the largest embedded, graded and (when
 * asked) scored for liveness, all in one inference-worker job: the event loop only hands over the
 * compressed file, so the decoded pixels (~6 MB for 2 MP) are never copied to or collected on it.
 */
export function analyzeImageBytes(input: AnalyzeBytesInput): Promise<BytesAnalysis> {
  // a view into a larger buffer would carry all of it to the worker
  const bytes = input.bytes.byteLength === input.bytes.buffer.byteLength ? input.bytes : input.bytes.slice();
  const args = { ...input, bytes, recogniser: input.recogniser ?? getRecogniserConfig() };
  return runVisionTask("analyze-bytes", null, args, () => analyzeImageBytesHere(args));
}

/** analyzeImageBytes on this thread (what a worker runs, in its two phases). */
export async function analyzeImageBytesHere(input: AnalyzeBytesInput): Promise<BytesAnalysis> {
  return analyzeDecodedUpload(await decodeUpload(input), input);
}

/** The first phase: checks and decodes; the work runs on libuv's thread pool, not on this thread. */
export function decodeUpload(input: AnalyzeBytesInput): Promise<DecodedImage> {
  return decodeImageOrThrow(input.bytes, { field: input.field });
}

/** The second phase, on this thread: faces, embedding, quality, liveness and the explanation. */
export async function analyzeDecodedUpload(decoded: DecodedImage, input: AnalyzeBytesInput): Promise<BytesAnalysis> {
  const analysis = await analyzeFaceHere(decoded, { rotate: input.rotate, recogniser: input.recogniser });
  const turned = { ...decoded, ...rotateImage(decoded, analysis.rotation) };
  const image = { width: turned.width, height: turned.height, format: decoded.format, originalWidth: decoded.originalWidth, originalHeight: decoded.originalHeight };
  const liveness = input.liveness && analysis.primary ? await scoreLivenessHere(turned, analysis.faces[0]) : undefined;
  const explanation = input.explain ? explainAnalyzedFace(decoded, analysis) : undefined;
  return { image, analysis, liveness, explanation };
}
