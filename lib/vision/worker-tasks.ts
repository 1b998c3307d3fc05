import type { DecodedImage as DecodedUpload } from "@/lib/media/types";
import { analyzeFaceHere, type AnalyzeOptions } from "./analyze-face";
import { analyzeDecodedUpload, decodeUpload, type AnalyzeBytesInput } from "./analyze-image-bytes";
import type { VisionTaskName } from "./inference-pool";
import { scoreLivenessHere } from "./score-liveness";
import type { DecodedImage, DetectedFace } from "./types";

/**
 * A job an inference worker runs whole (see runVisionTask): the same functions the event loop runs
 * when there are no workers. `prepare`, when there is one, keeps this thread free (JPEG decoding
 * runs on libuv's pool), so a worker starts it while the job before is still on its CPU.
 */
export type WorkerTask = { prepare?: () => Promise<unknown>; run: (prepared: unknown) => Promise<unknown> };

export function workerTask(name: VisionTaskName, image: DecodedImage | null, args: unknown): WorkerTask {
  switch (name) {
    case "analyze":
      return { run: () => analyzeFaceHere(pixelsOf(image), args as AnalyzeOptions) };
    case "liveness":
      return { run: () => scoreLivenessHere(pixelsOf(image), args as DetectedFace) };
    case "analyze-bytes": {
      const input = args as AnalyzeBytesInput;
      return { prepare: () => decodeUpload(input), run: (decoded) => analyzeDecodedUpload(decoded as DecodedUpload, input) };
    }
    default:
      return { run: () => Promise.reject(new Error(`unknown vision task ${String(name)}`)) };
  }
}

function pixelsOf(image: DecodedImage | null): DecodedImage {
  if (!image) throw new Error("this vision task needs the image's pixels");
  return image;
}
