"use client";

import { useEffect, useRef, useState } from "react";
import { CameraStage } from "./camera-stage";
import { captureFrame } from "./capture-frame";
import { guidanceTone, type CaptureMethodProps } from "./capture-method";
import { ShutterButton } from "./shutter-button";
import { useCamera } from "./use-camera";
import { useFaceGuidance, type GuidanceTick } from "./use-face-guidance";
import { useReducedMotion } from "./use-reduced-motion";

const READY_AFTER_MS = 800;
// Each frame is grabbed this long after the colour reached the screen: long enough for a camera's
// own latency (typically 50-150 ms) and the 120 ms colour fade, short enough that a face lit by a
// replay or relay that reacts later still shows the previous colour.
const FLASH_RESPONSE_MS = 250;
// With reduced motion the colours stay (they are the check) but each is held twice as long and fades
// in over REDUCED_MOTION_FADE_MS (globals.css), so the screen changes under once a second and never with
// a hard cut; the frame is grabbed FLASH_RESPONSE_MS after the fade ends, the same margin as without.
const REDUCED_MOTION_STEP_FACTOR = 2;
const REDUCED_MOTION_FADE_MS = 400;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
// resolves once the frame that shows the new colour has been painted
const painted = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

// FLASHING: once the face is framed, the whole screen shows each challenge colour for `stepMs` and
// one frame is grabbed FLASH_RESPONSE_MS after that colour lit the face (frames in colour order).
// `onAvoidFlashing`: the person asks for the head-turn check instead (offered until the colours start).
export function FlashingCapture({ strings, step, colors, stepMs, onCaptured, onCancel, onCameraError, onMediaStarted, onAvoidFlashing }: CaptureMethodProps & { colors: string[]; stepMs: number; onAvoidFlashing?: () => void }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const camera = useCamera({ onLive: onMediaStarted, onError: onCameraError });
  const [progress, setProgress] = useState(0);
  const [flash, setFlash] = useState<number | null>(null);
  const started = useRef(false);
  const mounted = useRef(true);
  const { start, videoRef, status } = camera;
  const reducedMotion = useReducedMotion();
  const holdMs = reducedMotion ? stepMs * REDUCED_MOTION_STEP_FACTOR : stepMs;

  useEffect(() => {
    mounted.current = true;
    void start();
    return () => {
      mounted.current = false;
    };
  }, [start]);

  const run = async (auto: boolean) => {
    if (started.current || !videoRef.current) return;
    started.current = true;
    const frames: Blob[] = [];
    try {
      for (let i = 0; i < colors.length; i++) {
        const shown = performance.now();
        setFlash(i);
        await painted();
        await wait(FLASH_RESPONSE_MS + (reducedMotion ? REDUCED_MOTION_FADE_MS : 0));
        if (!mounted.current) return;
        frames.push(await captureFrame(videoRef.current));
        await wait(holdMs - (performance.now() - shown));
      }
    } catch {
      started.current = false;
      setFlash(null);
      return;
    }
    if (mounted.current) onCaptured(frames, auto);
  };

  const onTick = (tick: GuidanceTick) => {
    setProgress(tick.code === "ready" ? tick.readyForMs / READY_AFTER_MS : 0);
    if (tick.code === "ready" && tick.readyForMs >= READY_AFTER_MS) void run(true);
  };
  const flashing = flash !== null;
  const { code, detectorStatus } = useFaceGuidance({ videoRef, boxRef, active: status === "live" && !flashing, onTick });
  const text = status !== "live" ? strings.camera.requesting : flashing ? strings.flashing.running : code === "ready" || code === "loading" ? strings.flashing.intro : strings.guidance[code];

  return (
    <CameraStage
      detector={detectorStatus}
      strings={strings}
      videoRef={videoRef}
      boxRef={boxRef}
      guidance={text}
      tone={flashing ? "neutral" : guidanceTone(code)}
      progress={flashing ? 0 : progress}
      step={step}
      scrim={flashing ? colors[flash] : undefined}
      fullscreen={flashing}
      onCancel={onCancel}
    >
      <ShutterButton label={strings.camera.capture} hint={strings.camera.autoHint} disabled={status !== "live" || flashing} onClick={() => void run(false)} />
      {onAvoidFlashing && !flashing ? (
        <button type="button" onClick={onAvoidFlashing} data-testid="avoid-flashing" className="rounded text-sm font-semibold text-white underline underline-offset-2 outline-none focus-visible:ring-2 focus-visible:ring-white sm:text-slate-700 sm:focus-visible:ring-[var(--brand)]">
          {strings.flashing.alternative}
        </button>
      ) : null}
    </CameraStage>
  );
}
