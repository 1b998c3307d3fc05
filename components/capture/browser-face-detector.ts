import type * as Ort from "onnxruntime-web";
import { BLAZEFACE_SIZE, decodeBlazeface, suppressOverlaps } from "@/lib/vision/blazeface-decode";
import type { BrowserFace } from "./compute-guidance";

// BlazeFace in the browser with onnxruntime-web's single-threaded wasm build, loaded at run time
// from /capture-assets (never bundled: the page stays light and the 3.7 MB wasm comes only when the
// camera opens). Same model, input and decoding as lib/vision/detect-faces.ts.
export type FaceDetector = { detect: (source: CanvasImageSource, width: number, height: number) => Promise<BrowserFace[]> };

const ASSETS = "/capture-assets/";
const MIN_SCORE = 0.6;
// a second face must be clearly a face before we tell the user to be alone in the picture
const MIN_EXTRA_SCORE = 0.8;

let loading: Promise<FaceDetector | null> | null = null;

/** The shared detector, or null when the wasm runtime cannot load here (the page then guides by light and stillness only). */
export function loadFaceDetector(): Promise<FaceDetector | null> {
  loading ??= createDetector().catch((error: unknown) => {
    console.warn("face detector unavailable, guiding without it:", error);
    return null;
  });
  return loading;
}

async function createDetector(): Promise<FaceDetector> {
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly not supported");
  const url = `${ASSETS}ort.wasm.min.mjs`;
  const ort = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as typeof Ort;
  ort.env.wasm.wasmPaths = ASSETS;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = "error";
  const session = await ort.InferenceSession.create(`${ASSETS}blazeface.onnx`, { executionProviders: ["wasm"], graphOptimizationLevel: "all" });
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = BLAZEFACE_SIZE;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) throw new Error("no 2D canvas");
  const input = new Float32Array(BLAZEFACE_SIZE * BLAZEFACE_SIZE * 3);

  // One pass over a square region of the frame (x0, y0, side in source pixels), black outside.
  async function run(source: CanvasImageSource, width: number, height: number, x0: number, y0: number, side: number) {
    const s = BLAZEFACE_SIZE / side;
    ctx!.fillStyle = "#000";
    ctx!.fillRect(0, 0, BLAZEFACE_SIZE, BLAZEFACE_SIZE);
    ctx!.drawImage(source, -x0 * s, -y0 * s, width * s, height * s);
    const px = ctx!.getImageData(0, 0, BLAZEFACE_SIZE, BLAZEFACE_SIZE).data;
    for (let i = 0, j = 0; i < px.length; i += 4, j += 3) {
      input[j] = px[i] / 127.5 - 1;
      input[j + 1] = px[i + 1] / 127.5 - 1;
      input[j + 2] = px[i + 2] / 127.5 - 1;
    }
    const feeds = { [session.inputNames[0]]: new ort.Tensor("float32", input, [1, BLAZEFACE_SIZE, BLAZEFACE_SIZE, 3]) };
    const out = await session.run(feeds);
    const heads = [
      { scores: out.Identity.data as Float32Array, boxes: out.Identity_2.data as Float32Array },
      { scores: out.Identity_1.data as Float32Array, boxes: out.Identity_3.data as Float32Array },
    ];
    const back = (p: [number, number]): [number, number] => [x0 + p[0] / s, y0 + p[1] / s];
    return decodeBlazeface(heads, MIN_SCORE).map((d) => {
      const [cx, cy] = back([d.cx, d.cy]);
      return { cx, cy, w: d.w / s, h: d.h / s, score: d.score, keypoints: d.keypoints.map(back) };
    });
  }

  return {
    async detect(source, width, height) {
      const side = Math.max(width, height);
      let found = await run(source, width, height, (width - side) / 2, (height - side) / 2, side);
      // a face filling the frame is too big for the long-range model: shrink the frame into a larger canvas
      if (found.length === 0) found = await run(source, width, height, (width - 2 * side) / 2, (height - 2 * side) / 2, 2 * side);
      const kept = suppressOverlaps(found, 0.3);
      return kept.filter((f, i) => i === 0 || f.score >= MIN_EXTRA_SCORE).map(({ cx, cy, w, h, score, keypoints }) => ({ cx, cy, w, h, score, keypoints }));
    },
  };
}
