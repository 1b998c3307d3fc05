"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Language } from "@/lib/capture/languages";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import type { CaptureState } from "@/lib/capture/types";
import { CaptureApiError, fetchCaptureState, requestBurst as fetchBurstTicket, setCaptureLanguage, startCapture, submitFrames, type CaptureProof } from "./capture-api";
import { signWithDeviceKey } from "./device-key";
import { postEmbedEvent } from "./embed-events";
import type { CameraStatus } from "./use-camera";
import { useBrowserValue } from "./use-hydrated";
import { usePolledState } from "./use-polled-state";

export type Phase =
  | { kind: "auto" } // show what the server state says (start, following, result...)
  | { kind: "camera" }
  | { kind: "checking" }
  | { kind: "retry"; reason: RetryReason | null }
  | { kind: "cancelled" }
  | { kind: "camera-error"; status: CameraStatus }
  | { kind: "error"; cause?: ErrorCause };

// what the error screen tells the person: no connection, server busy, session closed for time, or generic
export type ErrorCause = "offline" | "busy" | "timedOut";

function errorPhase(error: unknown): Phase {
  if (error instanceof TypeError) return { kind: "error", cause: "offline" }; // fetch could not reach the server
  if (!(error instanceof CaptureApiError)) return { kind: "error" };
  if (error.status === 429 || error.status === 503) return { kind: "error", cause: "busy" };
  if (error.status === 410) return { kind: "error", cause: "timedOut" };
  // a refused upload: its reason code, or a generic "could not read the photos"
  if (error.status === 400 || error.status === 413 || error.status === 422) return { kind: "retry", reason: error.reason ?? "upload_rejected" };
  return { kind: "error" };
}

// before anything was captured there is nothing to retry
function beforeCaptureErrorPhase(error: unknown): Phase {
  const next = errorPhase(error);
  return next.kind === "retry" ? { kind: "error" } : next;
}

const POLL_MS = 1500;
const startedKey = (token: string) => `faceid-capture:${token}`;

function rememberStarted(token: string) {
  try {
    sessionStorage.setItem(startedKey(token), "1");
  } catch {
    // private mode: a reload then shows the "in progress" screen, which offers this device again
  }
}

function startedHere(token: string): boolean {
  try {
    return sessionStorage.getItem(startedKey(token)) === "1";
  } catch {
    return false;
  }
}

// The page's state machine: server state from GET (polled while this device is not capturing, so a
// desktop follows the phone), local phases for camera/checking/retry, and the iframe events.
// `initialState`: the state the server rendered the page with (null: none, fetched on mount).
export function useCaptureFlow(token: string, initialState: CaptureState | null = null) {
  const [phase, setPhase] = useState<Phase>({ kind: "auto" });
  const [busy, setBusy] = useState(false);
  const [completedLive, setCompletedLive] = useState(false);
  const query = usePolledState({
    fetcher: () => fetchCaptureState(token),
    initialData: initialState ?? undefined,
    isRetryable: (error) => !(error instanceof CaptureApiError && error.status < 500),
    refetchOnFocus: phase.kind === "auto",
    // polled while this device is not capturing, so a desktop follows the phone
    intervalMs: (data) => (phase.kind === "auto" && (data?.step.type === "start" || data?.step.type === "capture") ? POLL_MS : false),
  });
  const state = query.data;

  const setState: (next: CaptureState) => void = query.setData;

  // iframe events derived from the server state: ready once, every status change, completion once
  const seen = useRef<{ ready: boolean; status: string | null; completed: boolean }>({ ready: false, status: null, completed: false });
  useEffect(() => {
    if (!state) return;
    const s = seen.current;
    if (!s.ready) {
      s.ready = true;
      postEmbedEvent({ type: "didit:ready", data: { sessionId: state.sessionId } });
    } else if (s.status !== state.status) {
      postEmbedEvent({ type: "didit:status_updated", data: { status: state.status } });
    }
    const finished = state.step.type === "done" || state.step.type === "skipped";
    if (finished && !s.completed) {
      s.completed = true;
      postEmbedEvent({ type: "didit:completed", data: { sessionId: state.sessionId, status: state.status } });
      // auto-redirect only for an outcome that arrived while this page was open, not on a revisit
      if (s.status !== null) setCompletedLive(true);
    }
    s.status = state.status;
  }, [state]);

  const reportError = (error: unknown) => postEmbedEvent({ type: "didit:error", data: { error: error instanceof Error ? error.message : String(error) } });

  // `avoidFlashing`: the person chose the head-turn check over flashing colours (start screen)
  const start = async (avoidFlashing = false) => {
    setBusy(true);
    postEmbedEvent({ type: "didit:started", data: {} });
    try {
      const deviceKey = state?.deviceNonce ? await signWithDeviceKey({ sessionId: state.sessionId, nonce: state.deviceNonce }) : null;
      const next = await startCapture(token, deviceKey, avoidFlashing);
      setState(next);
      rememberStarted(token);
      setPhase(next.step.type === "capture" ? { kind: "camera" } : { kind: "auto" });
    } catch (error) {
      reportError(error);
      if (error instanceof CaptureApiError && error.status === 409) await query.refetch();
      else setPhase(beforeCaptureErrorPhase(error));
    } finally {
      setBusy(false);
    }
  };

  // On the FLASHING camera screen, before the colours start: the same choice; the server swaps the
  // challenge for a head-turn one and the page shows it.
  const avoidFlashing = async () => {
    try {
      setState(await startCapture(token, null, true));
    } catch (error) {
      reportError(error);
      setPhase(beforeCaptureErrorPhase(error));
    }
  };

  const chooseThisDevice = () => {
    rememberStarted(token);
    setPhase({ kind: "camera" });
  };

  const requestBurst = async () => {
    if (state?.step.type !== "capture") throw new Error("no capture in progress");
    return fetchBurstTicket(token, state.step.challenge.id);
  };

  const submit = async (frames: Blob[], auto: boolean, proof?: CaptureProof) => {
    if (state?.step.type !== "capture") return;
    postEmbedEvent({ type: "didit:media_captured", data: { step: "face", isAuto: auto } });
    setPhase({ kind: "checking" });
    try {
      const result = await submitFrames(token, { challengeId: state.step.challenge.id, frames, auto, ...proof });
      postEmbedEvent({ type: "didit:verification_submitted", data: {} });
      setState(result.state);
      setPhase(result.outcome === "retry" && result.state.step.type === "capture" ? { kind: "retry", reason: result.reason } : { kind: "auto" });
    } catch (error) {
      reportError(error);
      if (error instanceof CaptureApiError && error.status === 409) {
        setPhase({ kind: "auto" });
        await query.refetch();
      } else {
        setPhase(errorPhase(error));
      }
    }
  };

  // the language menu: the session keeps the choice, the page re-renders in it without losing its place.
  // Arrow keys on the menu fire one change per step: only the answer to the latest choice is applied.
  const wantedLanguage = useRef<Language | null>(null);
  const [chosenLanguage, setChosenLanguage] = useState<Language | null>(null);
  const changeLanguage = async (language: Language) => {
    wantedLanguage.current = language;
    setChosenLanguage(language);
    try {
      const next = await setCaptureLanguage(token, language);
      if (wantedLanguage.current === language) setState(next);
    } catch (error) {
      reportError(error);
    }
  };

  const cancel = () => {
    postEmbedEvent({ type: "didit:cancelled", data: {} });
    setPhase({ kind: "cancelled" });
  };

  useEffect(() => {
    if (phase.kind === "camera") postEmbedEvent({ type: "didit:step_started", data: { step: "face" } });
  }, [phase]);

  const mediaStarted = useCallback(() => postEmbedEvent({ type: "didit:media_started", data: {} }), []);

  const cameraError = (status: CameraStatus, message: string) => {
    postEmbedEvent({ type: "didit:error", data: { error: `camera_${status}: ${message}` } });
    setPhase({ kind: "camera-error", status });
  };

  // A reload on the device that started the capture goes straight back to the camera (unless the
  // last attempt failed: then the retry screen explains why first).
  // sessionStorage is the browser's: false while the server renders and hydrates; the page renders
  // again only when it is true (a reload mid-capture)
  const started = useBrowserValue(() => startedHere(token), false);
  const resume = started && phase.kind === "auto" && state?.step.type === "capture" && !(state.lastAttempt && !state.lastAttempt.ok);
  const effectivePhase: Phase = resume ? { kind: "camera" } : phase;

  return { query, state, phase: effectivePhase, setPhase, busy, completedLive, start, avoidFlashing, chooseThisDevice, requestBurst, submit, cancel, cameraError, mediaStarted, chosenLanguage, changeLanguage };
}
