import type { CaptureStrings } from "@/lib/capture/i18n";
import type { BurstTicket } from "@/lib/capture/types";
import type { CaptureProof } from "./capture-api";
import type { CameraStatus } from "./use-camera";
import type { GuidanceCode } from "./compute-guidance";
import type { GuidanceTone } from "./camera-stage";

// What every liveness method component (passive, flashing, active 3D) gets from the page.
export type CaptureMethodProps = {
  strings: CaptureStrings;
  step?: string;
  onCaptured: (frames: Blob[], auto: boolean, proof?: CaptureProof) => void;
  /** the nonce for a PASSIVE burst, fetched right before taking it */
  requestBurst: () => Promise<BurstTicket>;
  onCancel: () => void;
  onCameraError: (status: CameraStatus, message: string) => void;
  onMediaStarted: () => void;
};

export function guidanceTone(code: GuidanceCode): GuidanceTone {
  return code === "ready" ? "ready" : code === "loading" ? "neutral" : "warn";
}
