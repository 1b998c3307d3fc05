import * as ort from "onnxruntime-node";
import { inputBuffer } from "./input-buffers";
import { cropMatrix, scaledCropBox, upstreamFaceBoxes } from "./liveness-crop";
import { livenessLimitation, livenessScore, type LivenessLimitation } from "./liveness-score";
import { getBuiltinSession, runModel, runVisionTask, type BuiltinModelId } from "./model-sessions";
import type { DecodedImage, DetectedFace } from "./types";
import { warpToTensor } from "./warp-to-tensor";

export type LivenessResult = {
  /** 0-100, higher = more likely a live face; 50 is the default pass mark (liveness-score.ts) */
  score: number;
  /** the ensemble's live probability: softmax class 1, averaged over both models and the boxes */
  probability: number;
  /** each model's softmax over [spoof, live, spoof], averaged over the boxes */
  models: Record<"v2" | "v1se", number[]>;
  /** set when the image cannot show liveness at all; the check then declines whatever the score */
  limitation?: LivenessLimitation;
  method: "minifasnet-v2-v1se";
};

const SIZE = 80;
// MiniFASNet (Silent-Face-Anti-Spoofing, Apache-2.0): two models on patches 2.7x and 4x the face box.
const MODELS: { id: BuiltinModelId; key: "v2" | "v1se"; scale: number }[] = [
  { id: "minifasnet-v2", key: "v2", scale: 2.7 },
  { id: "minifasnet-v1se", key: "v1se", scale: 4 },
];
// the patch size and models, for what the console shows a reviewer (explain-face.ts)
export { SIZE as LIVENESS_PATCH_SIZE, MODELS as LIVENESS_MODELS };

// Passive, single-frame. On an inference worker when there are workers.
export function scoreLiveness(image: DecodedImage, face: DetectedFace): Promise<LivenessResult> {
  return runVisionTask("liveness", image, face, () => scoreLivenessHere(image, face));
}

export function softmax(logits: ArrayLike<number>): number[] {
  const max = Math.max(...Array.from(logits));
  const e = Array.from(logits, (v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** scoreLiveness on this thread (what a worker runs). */
export async function scoreLivenessHere(image: DecodedImage, face: DetectedFace): Promise<LivenessResult> {
  const boxes = upstreamFaceBoxes(face.box);
  const sums = { v2: [0, 0, 0], v1se: [0, 0, 0] };
  for (const { id, key, scale } of MODELS) {
    const model = await getBuiltinSession(id);
    for (const box of boxes) {
      const crop = scaledCropBox({ box, scale, width: image.width, height: image.height });
      // Upstream: the patch cut from OpenCV's BGR image, cv2.resize (plain bilinear) to 80x80, raw 0-255.
      const input = warpToTensor({ image, dstToSrc: cropMatrix(crop, SIZE), width: SIZE, height: SIZE, layout: "nchw", channels: "bgr", mean: [0, 0, 0], scale: [1, 1, 1], maxSamples: 1, out: inputBuffer(id, 3 * SIZE * SIZE) });
      const out = await runModel(model, { input: new ort.Tensor("float32", input, [1, 3, SIZE, SIZE]) });
      softmax(out.output.data as Float32Array).forEach((p, c) => (sums[key][c] += p / boxes.length));
    }
  }
  const probability = (sums.v2[1] + sums.v1se[1]) / 2;
  const limitation = livenessLimitation({ image, face: face.box, patch: scaledCropBox({ box: boxes[0], scale: MODELS[0].scale, width: image.width, height: image.height }) });
  return { score: livenessScore(probability), probability, models: sums, ...(limitation ? { limitation } : {}), method: "minifasnet-v2-v1se" };
}
