import { analyzeFaceHere, type AnalyzeOptions } from "./analyze-face";
import type { VisionTaskName } from "./inference-pool";
import { scoreLivenessHere } from "./score-liveness";
import type { DecodedImage, DetectedFace } from "./types";

// The jobs an inference worker runs whole (see runVisionTask): the same functions the event loop
// runs when there are no workers.
export function runWorkerTask(name: VisionTaskName, image: DecodedImage, args: unknown): Promise<unknown> {
  switch (name) {
    case "analyze":
      return analyzeFaceHere(image, args as AnalyzeOptions);
    case "liveness":
      return scoreLivenessHere(image, args as DetectedFace);
    default:
      throw new Error(`unknown vision task ${String(name)}`);
  }
}
