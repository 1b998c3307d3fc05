import * as ort from "onnxruntime-node";
import { AppError } from "@/lib/errors";
import manifest from "@/models/manifest.json";
import { alignmentMatrix, type ChipAlignment } from "./align-face";
import { builtinModelPath, getSession, runModel } from "./model-sessions";
import { inputBuffer } from "./input-buffers";
import type { DetectedFace, DecodedImage } from "./types";
import { warpToTensor } from "./warp-to-tensor";

export type RecogniserConfig = {
  modelId: string;
  path: string;
  size: number;
  layout: "nchw" | "nhwc";
  /** input channel order (decoded images are RGB); default rgb */
  channels?: "rgb" | "bgr";
  alignment: ChipAlignment;
  mean: [number, number, number];
  scale: [number, number, number];
  /** average the embedding of the mirrored chip too (test-time augmentation) */
  flip: boolean;
  /** most sub-samples per axis of the chip warp (see warpToTensor; default 3) */
  maxSamples?: number;
};

export const BUILTIN_RECOGNISERS = ["face-reid-0095", "dlib-resnet"] as const;
export type BuiltinRecogniser = (typeof BUILTIN_RECOGNISERS)[number];
/** What ships by default: Intel's face-reidentification-retail-0095 (models/cards/face-reid-0095.md). */
export const DEFAULT_RECOGNISER: BuiltinRecogniser = "face-reid-0095";

const modelIdOf = (id: BuiltinRecogniser) => `${id}@${manifest.models.find((m) => m.id === id)!.sha256.slice(0, 12)}`;

// The chip each built-in recogniser was trained on. The 2x2 anti-aliasing (maxSamples 2) rather
// than 3x3: the chip warp is the largest piece of JS per face (9 taps per pixel from a 2-3 MP photo)
// and a 128-150 px chip does not tell them apart (dlib: cosine moved by <= 0.00013 on faces-dev
// upscaled to 2.5 and 4 MP, EER / FNMR unchanged; dlib-resnet.md).
function builtinConfig(id: BuiltinRecogniser, env: NodeJS.ProcessEnv): RecogniserConfig {
  const flip = env.FACE_RECOGNISER_FLIP === "1";
  const path = builtinModelPath(id);
  if (id === "face-reid-0095") {
    // BGR 0-255; the graph holds the /255 and an input batch-norm. Open Model Zoo's reference landmarks.
    return { modelId: modelIdOf(id), path, size: 128, layout: "nchw", channels: "bgr", alignment: "openvino-reid", mean: [0, 0, 0], scale: [1, 1, 1], flip, maxSamples: 2 };
  }
  return { modelId: modelIdOf(id), path, size: 150, layout: "nchw", alignment: "dlib68", mean: [122.782, 117.001, 104.298], scale: [1 / 256, 1 / 256, 1 / 256], flip, maxSamples: 2 };
}

function isBuiltin(id: string): id is BuiltinRecogniser {
  return (BUILTIN_RECOGNISERS as readonly string[]).includes(id);
}

// The built-in recogniser (FACE_RECOGNISER picks one; default face-reid-0095), or a user's
// ArcFace-style ONNX model (FACE_RECOGNISER_ONNX): 5-point alignment to the 112x112 InsightFace
// template, (x - 127.5) / 128, NCHW.
export function getRecogniserConfig(env: NodeJS.ProcessEnv = process.env): RecogniserConfig {
  const custom = env.FACE_RECOGNISER_ONNX;
  if (custom) {
    const size = Number(env.FACE_RECOGNISER_INPUT_SIZE) || 112;
    return {
      modelId: env.FACE_RECOGNISER_ID || `custom:${custom.split(/[\\/]/).pop()}`,
      path: custom,
      size,
      layout: env.FACE_RECOGNISER_LAYOUT === "nhwc" ? "nhwc" : "nchw",
      alignment: "arcface",
      mean: [127.5, 127.5, 127.5],
      scale: [1 / 128, 1 / 128, 1 / 128],
      flip: env.FACE_RECOGNISER_FLIP === "1",
    };
  }
  const id = env.FACE_RECOGNISER || DEFAULT_RECOGNISER;
  if (!isBuiltin(id)) throw new AppError("service_unavailable", `FACE_RECOGNISER=${id} is not a built-in recogniser (${BUILTIN_RECOGNISERS.join(", ")})`);
  return builtinConfig(id, env);
}

/** Template model ids a probe can be compared with: the configured recogniser's and every built-in one's. */
export function comparableModelIds(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...new Set([getRecogniserConfig(env).modelId, ...BUILTIN_RECOGNISERS.map(modelIdOf)])];
}

/**
 * The configuration of the built-in recogniser that made a stored template (modelId `<id>@<sha>`),
 * when this build still ships that exact model; templates of an earlier recogniser compare with a
 * probe embedded by that same model (see lib/templates).
 */
export function recogniserConfigFor(modelId: string, env: NodeJS.ProcessEnv = process.env): RecogniserConfig | undefined {
  const current = getRecogniserConfig(env);
  if (modelId === current.modelId) return current;
  const id = modelId.split("@")[0];
  return isBuiltin(id) && modelIdOf(id) === modelId ? builtinConfig(id, env) : undefined;
}

export function l2normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  const inv = 1 / (Math.sqrt(n) || 1);
  return v.map((x) => x * inv);
}

/** The L2-normalised mean of a batch's L2-normalised embeddings (a chip and its mirror). */
export function meanOfNormalised(raw: Float32Array, batch: number): Float32Array {
  const dim = raw.length / batch;
  const sum = new Float32Array(dim);
  for (let b = 0; b < batch; b++) {
    const e = l2normalise(raw.subarray(b * dim, (b + 1) * dim));
    for (let i = 0; i < dim; i++) sum[i] += e[i];
  }
  return l2normalise(sum);
}

/** L2-normalised embedding of a detected face, from the aligned chip the recogniser expects. */
export async function embedFace(image: DecodedImage, face: DetectedFace, config = getRecogniserConfig()): Promise<{ embedding: Float32Array; modelId: string; chip: Float32Array }> {
  const { size, layout } = config;
  const m = alignmentMatrix({ mesh: face.mesh, landmarks: face.landmarks, alignment: config.alignment, size });
  const per = size * size * 3;
  const batch = config.flip ? 2 : 1;
  const input = inputBuffer("recogniser", per * batch);
  const maxSamples = config.maxSamples;
  const channels = config.channels;
  warpToTensor({ image, dstToSrc: m, width: size, height: size, layout, channels, mean: config.mean, scale: config.scale, maxSamples, out: input });
  if (config.flip) {
    // mirror: chip x -> size - x, composed into the chip-to-image matrix
    const flipped: typeof m = [-m[0], m[1], m[0] * size + m[2], -m[3], m[4], m[3] * size + m[5]];
    warpToTensor({ image, dstToSrc: flipped, width: size, height: size, layout, channels, mean: config.mean, scale: config.scale, maxSamples, out: input, offset: per });
  }
  // the chip outlives the run (quality is graded on it) and runModel hands the input over
  const chip = input.slice(0, per);
  const session = await getSession(config.modelId, config.path);
  const dims = layout === "nchw" ? [batch, 3, size, size] : [batch, size, size, 3];
  const out = await runModel(session, { [session.inputNames[0]]: new ort.Tensor("float32", input, dims) });
  return { embedding: meanOfNormalised(out[session.outputNames[0]].data as Float32Array, batch), modelId: config.modelId, chip };
}
