"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type CameraStatus = "idle" | "requesting" | "live" | "denied" | "no-camera" | "in-use" | "unsupported" | "error";

export function hasCameraApi(): boolean {
  return typeof navigator !== "undefined" && !!navigator.mediaDevices?.getUserMedia;
}

// The front camera on a <video>; the stream is stopped when the component using it unmounts.
export function useCamera({ onLive, onError }: { onLive?: () => void; onError?: (status: CameraStatus, message: string) => void } = {}) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [status, setStatus] = useState<CameraStatus>("idle");
  const callbacks = useRef({ onLive, onError });
  useEffect(() => {
    callbacks.current = { onLive, onError };
  });

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
  }, []);

  const start = useCallback(async () => {
    if (!hasCameraApi()) {
      setStatus("unsupported");
      callbacks.current.onError?.("unsupported", "getUserMedia not available");
      return;
    }
    setStatus("requesting");
    try {
      stop();
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: "user", width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      streamRef.current = stream;
      const video = videoRef.current;
      if (video) {
        video.srcObject = stream;
        await video.play().catch(() => undefined);
      }
      setStatus("live");
      callbacks.current.onLive?.();
    } catch (error) {
      const name = error instanceof DOMException ? error.name : "";
      const next: CameraStatus = name === "NotAllowedError" || name === "SecurityError" ? "denied" : name === "NotFoundError" || name === "OverconstrainedError" ? "no-camera" : name === "NotReadableError" || name === "AbortError" ? "in-use" : "error";
      setStatus(next);
      callbacks.current.onError?.(next, error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }, [stop]);

  useEffect(() => stop, [stop]);

  return { videoRef, status, start, stop };
}
