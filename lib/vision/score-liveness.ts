import * as ort from "onnxruntime-node";
import { roiFromMesh } from "./detect-faces";
import { getBuiltinSession, runModel, runVisionTask } from "./model-sessions";
import { inputBuffer } from "./input-buffers";
import type { DecodedImage, DetectedFace } from "./types";
import { squareCropMatrix, warpToTensor } from "./warp-to-tensor";

export type LivenessResult = {
  /** 0-100, higher = more likely a live face; the default pass mark is 50 */
  score: number;
  /** raw real-face probability of the antispoof model for each crop */
  antispoof: number[];
  method: "antispoof-v1";
};

const SIZE = 128;
// Crops around the face as a fraction of FaceMesh's tracking ROI (1.5x the mesh extent): 0.93
// matches Human's 1.4x detector box the model was run with; 1.0 adds context (paper or bezel edges).
const CROPS = [0.93, 1.0];

// Passive, single-frame. Only the `antispoof` model is used: the npm `liveness` model scored
// class 0 >= 0.75 on every attack and bona-fide sample we had, i.e. it carries no signal here.
// On an inference worker when there are workers.
export function scoreLiveness(image: DecodedImage, face: DetectedFace): Promise<LivenessResult> {
  return runVisionTask("liveness", image, face, () => scoreLivenessHere(image, face));
}

/** scoreLiveness on this thread (what a worker runs). */
export async function scoreLivenessHere(image: DecodedImage, face: DetectedFace): Promise<LivenessResult> {
  const roi = roiFromMesh(face.mesh);
  const per = SIZE * SIZE * 3;
  const input = inputBuffer("antispoof", per * CROPS.length);
  CROPS.forEach((f, i) => {
    const m = squareCropMatrix({ cx: roi.cx, cy: roi.cy, size: roi.size * f, angle: roi.angle, out: SIZE });
    warpToTensor({ image, dstToSrc: m, width: SIZE, height: SIZE, layout: "nhwc", mean: [0, 0, 0], scale: [1 / 255, 1 / 255, 1 / 255], maxSamples: 2, out: input, offset: i * per });
  });
  const session = await getBuiltinSession("antispoof");
  const out = await runModel(session, { input: new ort.Tensor("float32", input, [CROPS.length, SIZE, SIZE, 3]) });
  const probs = Array.from(out.activation_4.data as Float32Array);
  const mean = probs.reduce((a, b) => a + b, 0) / probs.length;
  return { score: Math.round(mean * 1000) / 10, antispoof: probs, method: "antispoof-v1" };
}
