"use client";

import { useEffect, useRef, useState } from "react";
import { CameraStage } from "./camera-stage";
import { captureBurst } from "./capture-burst";
import { guidanceTone, type CaptureMethodProps } from "./capture-method";
import { ShutterButton } from "./shutter-button";
import { useCamera } from "./use-camera";
import { useFaceGuidance, type GuidanceTick } from "./use-face-guidance";

const AUTO_AFTER_MS = 1000;

// PASSIVE: a burst of frames over about a second (the server checks it came from a live camera), taken
// automatically once the guidance has been green for a second (the ring fills meanwhile), or with the
// shutter button at any time.
export function PassiveCapture({ strings, step, onCaptured, requestBurst, onCancel, onCameraError, onMediaStarted }: CaptureMethodProps) {
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
      const ticket = await requestBurst();
      const t0 = performance.now();
      const burst = await captureBurst(videoRef.current, { count: ticket.frames, intervalMs: ticket.intervalMs, t0 });
      onCaptured(burst.frames, auto, { burst: { nonce: ticket.nonce, times: burst.times } });
    } catch {
      // camera hiccup or a refused nonce: let the guidance trigger again, not on every tick at once
      setTimeout(() => {
        taken.current = false;
        setBusy(false);
      }, 1000);
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
