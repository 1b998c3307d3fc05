"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { loadFaceDetector, type FaceDetector } from "./browser-face-detector";
import { computeGuidance, type BrowserFace, type GuidanceCode } from "./compute-guidance";
import { countReady, initialReadyCount, readyFor } from "./count-ready";
import { ovalInBox, ovalInVideo, visibleCrop, type Oval } from "./cover-geometry";
import { measureFrame } from "./frame-stats";
import { initialStillness, trackStillness } from "./track-stillness";

export type GuidanceTick = { code: GuidanceCode; face: BrowserFace | null; oval: Oval; readyForMs: number; detector: boolean };
export type DetectorStatus = "loading" | "ready" | "unavailable";

const TICK_MS = 200; // ~5 guidance updates a second keeps a phone cool
const THUMB = 48;
const DETECTOR_WAIT_MS = 15_000;

// Watches the live preview and says what the user should fix next. Each tick measures light and
// motion on a thumbnail of the oval region and, when the wasm detector loaded, finds the faces;
// stillness is judged on the face box (track-stillness.ts), the countdown forgives one stray tick
// (count-ready.ts). The shown code changes only once a new code is seen twice in a row, so the words
// don't flicker.
export function useFaceGuidance({ videoRef, boxRef, active, onTick }: { videoRef: RefObject<HTMLVideoElement | null>; boxRef: RefObject<HTMLElement | null>; active: boolean; onTick?: (tick: GuidanceTick) => void }) {
  const [code, setCode] = useState<GuidanceCode>("loading");
  const [detectorStatus, setDetectorStatus] = useState<DetectorStatus>("loading");
  const onTickRef = useRef(onTick);
  useEffect(() => {
    onTickRef.current = onTick;
  });

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let detector: FaceDetector | null = null;
    let previousThumb: Uint8Array | null = null;
    let stillness = initialStillness;
    let readyCount = initialReadyCount;
    let pending: GuidanceCode | null = null;
    let shown: GuidanceCode = "loading";
    const thumbCanvas = document.createElement("canvas");
    thumbCanvas.width = thumbCanvas.height = THUMB;
    const thumbCtx = thumbCanvas.getContext("2d", { willReadFrequently: true });

    // Until the detector has loaded (or failed, or is too slow) the page never says "ready":
    // auto-capture must not fire on light and stillness alone when a detector is on its way.
    let resolved = false;
    const giveUp = setTimeout(() => {
      resolved = true;
      if (!cancelled && !detector) setDetectorStatus("unavailable");
    }, DETECTOR_WAIT_MS);
    loadFaceDetector().then((d) => {
      if (cancelled) return;
      resolved = true;
      detector = d;
      setDetectorStatus(d ? "ready" : "unavailable");
    });

    const tick = async () => {
      const video = videoRef.current, box = boxRef.current;
      if (video && box && thumbCtx && video.readyState >= 2 && video.videoWidth) {
        const vw = video.videoWidth, vh = video.videoHeight;
        const { width: boxWidth, height: boxHeight } = box.getBoundingClientRect();
        const crop = visibleCrop({ videoWidth: vw, videoHeight: vh, boxWidth, boxHeight });
        const oval = ovalInVideo({ oval: ovalInBox({ boxWidth, boxHeight }), crop, boxWidth });
        thumbCtx.drawImage(video, oval.cx - oval.rx, oval.cy - oval.ry, 2 * oval.rx, 2 * oval.ry, 0, 0, THUMB, THUMB);
        const stats = measureFrame({ rgba: thumbCtx.getImageData(0, 0, THUMB, THUMB).data, previous: previousThumb });
        previousThumb = stats.thumb;
        let faces: BrowserFace[] | null = null;
        try {
          faces = detector ? await detector.detect(video, vw, vh) : null;
        } catch {
          faces = null;
        }
        if (cancelled) return;
        const face = faces?.[0] ?? null;
        stillness = trackStillness(stillness, { face: faces?.length === 1 ? face : null, pixelMotion: stats.motion });
        let raw = computeGuidance({ stats, faces, oval, moving: !stillness.steady });
        if (!resolved && raw === "ready") raw = "loading";
        const now = performance.now();
        readyCount = countReady(readyCount, { code: raw, now });
        if (raw === shown || shown === "loading" || raw === pending) {
          shown = raw;
          setCode(raw);
        }
        pending = raw;
        onTickRef.current?.({ code: raw, face, oval, readyForMs: readyFor(readyCount, now), detector: detector !== null });
      }
      if (!cancelled) timer = setTimeout(tick, TICK_MS);
    };
    timer = setTimeout(tick, TICK_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      clearTimeout(giveUp);
    };
  }, [active, videoRef, boxRef]);

  return { code, detectorStatus };
}
