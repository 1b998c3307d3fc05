"use client";

import { useEffect, useRef, useState } from "react";
import type { HeadTurn } from "@/lib/capture/types";
import { CameraStage } from "./camera-stage";
import { addStepFrame, type StepFrames } from "./add-step-frame";
import { captureFrame, drawFrame, encodeFrame } from "./capture-frame";
import { guidanceTone, type CaptureMethodProps } from "./capture-method";
import { estimateHeadPose, hasTurned, isStraight, type HeadPose } from "./head-pose";
import { ShutterButton } from "./shutter-button";
import { TraceRecorder, TRACE_SAMPLE_MS, TRACE_WIDTH } from "./turn-trace";
import { TurnPrompt } from "./turn-prompt";
import { useCamera } from "./use-camera";
import { useFaceGuidance, type GuidanceTick } from "./use-face-guidance";

const STRAIGHT_READY_MS = 800;
const TURN_HOLD_TICKS = 2;
// without a detector (or when the turn is never recognised) each step is captured after a countdown
const TURN_TIMEOUT_S = 5;
// a head that does not come back straight is prompted anyway after this (the server judges)
const SETTLE_MAX_MS = 3000;

// ACTIVE_3D: a straight frame once the face is framed, then one frame per requested head turn. Before
// each turn the page waits for a straight look and holds the prompt back for the challenge's random
// time; the turn is captured when the detector's keypoints show the head moved that way (or after a
// countdown). Small frames every 200 ms around each prompt go with the answer, so the server can see
// that the head moved when and where it was asked (lib/capture/verify-turn-timing.ts).
export function ActiveCapture({ strings, step, turns, holdsMs, onCaptured, onCancel, onCameraError, onMediaStarted }: CaptureMethodProps & { turns: HeadTurn[]; holdsMs: number[] }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const camera = useCamera({ onLive: onMediaStarted, onError: onCameraError });
  const { start, videoRef, status } = camera;
  const [index, setIndex] = useState(0); // 0 = straight, i = turns[i - 1]
  const [prompted, setPrompted] = useState(false);
  // one recorder for this challenge (the component is keyed by it), not one per render
  const [trace] = useState(() => new TraceRecorder<Promise<Blob>>());
  const straightNow = useRef(false);
  const [progress, setProgress] = useState(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const answer = useRef<StepFrames<Blob>>({ frames: [], total: turns.length + 1 });
  const baseline = useRef<HeadPose | null>(null);
  const hold = useRef(0);
  const busy = useRef(false);
  const manual = useRef(false);
  const turn = index > 0 && prompted ? turns[index - 1] : null;

  useEffect(() => {
    void start();
  }, [start]);

  // Each trigger names the step it answers: a countdown or tick set up by an earlier render may fire
  // after the step advanced, and must neither add a second frame to its step nor answer the next one.
  const grab = async (auto: boolean, step: number, pose?: HeadPose | null) => {
    if (busy.current || !videoRef.current || step !== answer.current.frames.length) return;
    if (step > 0 && !trace.prompted(step - 1)) return;
    busy.current = true;
    try {
      const at = performance.now();
      const next = addStepFrame(answer.current, { step, frame: await captureFrame(videoRef.current) });
      if (!next) return;
      answer.current = next;
      if (step > 0) trace.take(step - 1, at);
      if (!auto) manual.current = true;
      if (step === 0) baseline.current = pose ?? null;
      hold.current = 0;
      setProgress(0);
      setSecondsLeft(null);
      setPrompted(false);
      if (next.frames.length === next.total) {
        const { frames, times, turnTimes } = trace.answer();
        onCaptured(next.frames, !manual.current, { trace: { frames: await Promise.all(frames), times, turnTimes } });
      } else setIndex(next.frames.length);
    } finally {
      busy.current = false;
    }
  };

  // each turn step: wait for a straight look, hold the prompt back for the challenge's time, then show
  // it; the trace samples the camera all along
  useEffect(() => {
    if (status !== "live" || index === 0 || index > turns.length) return;
    const at = index - 1;
    const video = videoRef.current;
    const began = performance.now();
    let promptTimer: ReturnType<typeof setTimeout> | undefined;
    const sampler = setInterval(() => {
      if (!video || busy.current) return;
      try {
        trace.add(at, performance.now(), encodeFrame(drawFrame(video, TRACE_WIDTH), 0.7));
      } catch {
        // the camera is not ready: no sample this time
      }
    }, TRACE_SAMPLE_MS);
    const settle = setInterval(() => {
      if (!straightNow.current && performance.now() - began < SETTLE_MAX_MS) return;
      clearInterval(settle);
      promptTimer = setTimeout(() => {
        trace.prompt(at, performance.now());
        setPrompted(true);
      }, holdsMs[at] ?? 1000);
    }, 100);
    return () => {
      clearInterval(sampler);
      clearInterval(settle);
      clearTimeout(promptTimer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one hold per step; the rest are refs
  }, [status, index]);

  // per-turn countdown: the fallback when the turn is not recognised in time
  useEffect(() => {
    if (status !== "live" || turn === null) return;
    let left = TURN_TIMEOUT_S;
    const timer = setInterval(() => {
      left -= 1;
      setSecondsLeft(left <= 3 ? Math.max(left, 0) : null);
      if (left <= 0) {
        clearInterval(timer);
        void grab(false, index);
      }
    }, 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one countdown per step; grab reads refs
  }, [status, index, prompted]);

  const onTick = (tick: GuidanceTick) => {
    if (busy.current) return;
    const pose = tick.face ? estimateHeadPose(tick.face) : null;
    const step = answer.current.frames.length;
    if (step >= answer.current.total) return;
    const turn = step > 0 ? turns[step - 1] : null;
    // without a detector there is no telling: the hold simply runs
    straightNow.current = !tick.detector || (pose !== null && baseline.current !== null && isStraight({ pose, baseline: baseline.current }));
    if (turn !== null && !trace.prompted(step - 1)) {
      hold.current = 0;
      return;
    }
    if (turn === null) {
      setProgress(tick.code === "ready" ? tick.readyForMs / STRAIGHT_READY_MS : 0);
      if (tick.code === "ready" && tick.readyForMs >= STRAIGHT_READY_MS) void grab(true, step, pose);
      return;
    }
    const moved = pose !== null && baseline.current !== null && hasTurned({ pose, baseline: baseline.current, turn });
    hold.current = moved ? hold.current + 1 : 0;
    if (hold.current >= TURN_HOLD_TICKS) void grab(true, step, pose);
  };
  const { code, detectorStatus } = useFaceGuidance({ videoRef, boxRef, active: status === "live", onTick });

  const text = status !== "live" ? strings.camera.requesting : turn ? strings.active.turn[turn] : code === "ready" || code === "loading" ? strings.active.straight : strings.guidance[code];
  const stepLabel = strings.active.step(index + 1, turns.length + 1);
  return (
    <CameraStage
      detector={detectorStatus}
      strings={strings}
      videoRef={videoRef}
      boxRef={boxRef}
      guidance={text}
      tone={turn ? "neutral" : guidanceTone(code)}
      progress={turn ? 0 : progress}
      step={step ? `${step} · ${stepLabel}` : stepLabel}
      prompt={turn ? <TurnPrompt turn={turn} countdown={secondsLeft === null ? null : strings.active.countdown(secondsLeft)} /> : null}
      onCancel={onCancel}
    >
      {index === 0 ? <ShutterButton label={strings.camera.capture} disabled={status !== "live"} onClick={() => void grab(false, index)} /> : null}
      <div className="flex gap-1.5" aria-hidden>
        {[0, ...turns].map((_, i) => (
          <span key={i} className={`h-1.5 rounded-full transition-all ${i < index ? "w-6 bg-emerald-400" : i === index ? "w-6 bg-white sm:bg-[var(--brand)]" : "w-3 bg-white/40 sm:bg-slate-300"}`} />
        ))}
      </div>
    </CameraStage>
  );
}
