"use client";

import { useEffect, useRef, useState } from "react";
import { CameraStage } from "./camera-stage";
import { captureFrame } from "./capture-frame";
import { guidanceTone, type CaptureMethodProps } from "./capture-method";
import { ShutterButton } from "./shutter-button";
import { useCamera } from "./use-camera";
import { useFaceGuidance, type GuidanceTick } from "./use-face-guidance";

const AUTO_AFTER_MS = 1000;

// PASSIVE: one frame, taken automatically once the guidance has been green for a second (the ring
// fills meanwhile), or with the shutter button at any time.
export function PassiveCapture({ strings, step, onCaptured, onCancel, onCameraError, onMediaStarted }: CaptureMethodProps) {
  const boxRef = useRef<HTMLDivElement>(null);
  const camera = useCamera({ onLive: onMediaStarted, onError: onCameraError });
  const [progress, setProgress] = useState(0);
  const [busy, setBusy] = useState(false);
  const taken = useRef(false);
  const { start, videoRef, status } = camera;

  useEffect(() => {
    void start();
  }, [start]);

  const take = async (auto: boolean) => {
    if (taken.current || !videoRef.current) return;
    taken.current = true;
    setBusy(true);
    try {
      const frame = await captureFrame(videoRef.current);
      onCaptured([frame], auto);
    } catch {
      taken.current = false;
      setBusy(false);
    }
  };

  const onTick = (tick: GuidanceTick) => {
    setProgress(tick.code === "ready" ? tick.readyForMs / AUTO_AFTER_MS : 0);
    if (tick.code === "ready" && tick.readyForMs >= AUTO_AFTER_MS) void take(true);
  };
  const { code, detectorStatus } = useFaceGuidance({ videoRef, boxRef, active: status === "live" && !busy, onTick });
  const text = status === "live" ? (busy ? strings.camera.capturing : strings.guidance[code]) : strings.camera.requesting;

  return (
    <CameraStage detector={detectorStatus} strings={strings} videoRef={videoRef} boxRef={boxRef} guidance={text} tone={busy ? "ready" : guidanceTone(code)} progress={busy ? 1 : progress} step={step} onCancel={onCancel}>
      <ShutterButton label={strings.camera.capture} hint={strings.camera.autoHint} disabled={status !== "live" || busy} onClick={() => void take(false)} />
    </CameraStage>
  );
}
