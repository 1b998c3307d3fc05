// Embeds an already detected face with a recogniser that the engine does not run yet (any aligned
// chip, channel order and mirrored-chip average), straight through onnxruntime: bench use only.
import * as ort from "onnxruntime-node";
import { alignmentMatrix, type ChipAlignment } from "@/lib/vision/align-face";
import { meanOfNormalised } from "@/lib/vision/recogniser";
import type { Affine, DecodedImage, DetectedFace } from "@/lib/vision/types";
import { warpToTensor } from "@/lib/vision/warp-to-tensor";

export type Variant = {
  id: string;
  /** ONNX file */
  path: string;
  size: number;
  alignment: ChipAlignment;
  /** input channel order */
  bgr: boolean;
  /** average with the mirrored chip's embedding */
  flip: boolean;
  mean: [number, number, number];
  scale: [number, number, number];
};

// The engine's session options (lib/vision/model-sessions.ts), one intra-op thread.
export function createSession(path: string): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path, {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    graphOptimizationLevel: "all",
    executionMode: "sequential",
    extra: { session: { set_denormal_as_zero: "1" } },
  });
}

/** NCHW chip(s) for a variant: [1 or 2, 3, size, size] (the mirror second). */
export function chipBatch(image: DecodedImage, face: DetectedFace, v: Variant): Float32Array {
  const { size } = v;
  const per = 3 * size * size;
  const m = alignmentMatrix({ mesh: face.mesh, landmarks: face.landmarks, alignment: v.alignment, size });
  const out = new Float32Array(per * (v.flip ? 2 : 1));
  const warp = (dstToSrc: Affine, offset: number) =>
    warpToTensor({ image, dstToSrc, width: size, height: size, layout: "nchw", mean: v.mean, scale: v.scale, maxSamples: 2, out, offset });
  warp(m, 0);
  // mirror: chip x -> size - x, composed into the chip-to-image matrix (as embedFace does)
  if (v.flip) warp([-m[0], m[1], m[0] * size + m[2], -m[3], m[4], m[3] * size + m[5]], per);
  if (v.bgr) {
    const plane = size * size;
    for (let b = 0; b < out.length; b += per) {
      const red = out.slice(b, b + plane);
      out.copyWithin(b, b + 2 * plane, b + 3 * plane);
      out.set(red, b + 2 * plane);
    }
  }
  return out;
}

/** L2-normalised embedding (mean of the normalised embeddings of the chip and its mirror when flipping). */
export async function embedChips(session: ort.InferenceSession, chips: Float32Array, size: number): Promise<Float32Array> {
  const batch = chips.length / (3 * size * size);
  const out = await session.run({ [session.inputNames[0]]: new ort.Tensor("float32", chips, [batch, 3, size, size]) });
  return meanOfNormalised(out[session.outputNames[0]].data as Float32Array, batch);
}

/** Median wall time of one run, after warm-up, one intra-op thread. */
export async function timeSession(session: ort.InferenceSession, chips: Float32Array[], size: number, runs = 200): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs + 20; r++) {
    const chip = chips[r % chips.length];
    const batch = chip.length / (3 * size * size);
    const feeds = { [session.inputNames[0]]: new ort.Tensor("float32", chip.slice(), [batch, 3, size, size]) };
    const t = performance.now();
    await session.run(feeds);
    if (r >= 20) times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
