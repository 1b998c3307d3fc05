"use client";

import { useCallback, useEffect } from "react";
import type { CaptureState } from "@/lib/capture/types";
import { buildCallbackUrl } from "./callback-url";
import { CaptureApiError } from "./capture-api";
import { CaptureShell } from "./capture-shell";
import { CheckingScreen } from "./checking-screen";
import { ActiveCapture, FlashingCapture, FollowingScreen, PassiveCapture, preloadCaptureScreens, ResultScreen, RetryScreen } from "./lazy-screens";
import { MessageScreen } from "./message-screen";
import { StartScreen } from "./start-screen";
import { hasCameraApi } from "./use-camera";
import { useCaptureFlow } from "./use-capture-flow";
import { useCaptureStrings, type InitialCatalogue } from "./use-capture-strings";
import { useIsDesktop } from "./use-is-desktop";

const EXPIRED = new Set(["Expired", "Abandoned", "Kyc Expired"]);
const neutralBrand = { name: "", color: "#334155", logoUrl: null };

function attemptsLeft(state: CaptureState): number | null {
  return state.step.type === "capture" ? Math.max(0, state.step.maxAttempts - state.step.attempt + 1) : null;
}

// The hosted capture page: picks the screen from the server state and the local phase. `initial`: the
// language the server negotiated and its catalogue (the only one sent with the page); `initialState`:
// the session's state the server rendered the page with (null for an unknown link).
export function CapturePage({ token, initial, initialState = null }: { token: string; initial: InitialCatalogue; initialState?: CaptureState | null }) {
  const flow = useCaptureFlow(token, initialState);
  const { state, phase, query } = flow;
  const desktop = useIsDesktop();
  // the menu's choice shows at once (its catalogue loads while the server records it)
  const language = flow.chosenLanguage ?? state?.language ?? initial.language;
  const strings = useCaptureStrings(language, initial);

  useEffect(() => {
    document.documentElement.lang = strings.language;
    if (state) document.title = `${strings.pageTitle} · ${state.branding.name}`;
  }, [state, strings]);

  const redirect = useCallback((url: string) => window.location.assign(url), []);

  if (!state) {
    const notFound = query.error instanceof CaptureApiError && (query.error.status === 404 || query.error.status === 410);
    return (
      <CaptureShell branding={neutralBrand} strings={strings} language={strings.language}>
        {query.isPending ? <CheckingScreen strings={strings} title={strings.loading} lead="" /> : <MessageScreen kind={notFound ? "notFound" : "error"} strings={strings} onAction={notFound ? undefined : () => void query.refetch()} />}
      </CaptureShell>
    );
  }

  const step = state.step;
  const shell = (content: React.ReactNode, wide = false) => (
    <CaptureShell branding={state.branding} strings={strings} language={strings.language} wide={wide}>
      {content}
    </CaptureShell>
  );
  const methodProps = { strings, onCaptured: flow.submit, requestBurst: flow.requestBurst, onCancel: flow.cancel, onCameraError: flow.cameraError, onMediaStarted: flow.mediaStarted };
  const retryToCamera = () => (hasCameraApi() ? flow.setPhase({ kind: "camera" }) : flow.setPhase({ kind: "camera-error", status: "unsupported" }));

  if (EXPIRED.has(state.status)) return shell(<MessageScreen kind="expired" strings={strings} />);
  if (step.type === "done" || step.type === "skipped") {
    const url = state.callback ? buildCallbackUrl({ callback: state.callback, sessionId: state.sessionId, status: state.status }) : null;
    return shell(<ResultScreen status={state.status} skipped={step.type === "skipped"} strings={strings} redirectUrl={url} autoRedirect={flow.completedLive} onRedirect={redirect} />);
  }

  switch (phase.kind) {
    case "checking":
      return shell(<CheckingScreen strings={strings} />);
    case "cancelled":
      return shell(<MessageScreen kind="cancelled" strings={strings} onAction={() => flow.setPhase({ kind: "auto" })} />);
    case "error":
      return shell(<MessageScreen kind={phase.cause ?? "error"} strings={strings} onAction={phase.cause === "timedOut" ? undefined : () => flow.setPhase({ kind: "auto" })} />);
    case "camera-error": {
      const kind = phase.status === "denied" ? "denied" : phase.status === "unsupported" ? "unsupported" : phase.status === "no-camera" ? "noCamera" : phase.status === "in-use" ? "cameraInUse" : "error";
      return shell(<MessageScreen kind={kind} strings={strings} onAction={kind === "denied" || kind === "cameraInUse" || kind === "error" ? retryToCamera : undefined} />);
    }
    case "retry":
      return shell(<RetryScreen strings={strings} reason={phase.reason} attemptsLeft={attemptsLeft(state)} onRetry={retryToCamera} />);
    case "camera":
      if (step.type !== "capture") break;
      if (!hasCameraApi()) return shell(<MessageScreen kind="unsupported" strings={strings} />);
      {
        const c = step.challenge;
        const label = step.attempt > 1 ? strings.camera.attempt(step.attempt, step.maxAttempts) : undefined;
        const method =
          c.method === "FLASHING" ? <FlashingCapture key={c.id} {...methodProps} step={label} colors={c.colors} stepMs={c.stepMs} onAvoidFlashing={() => void flow.avoidFlashing()} /> : c.method === "ACTIVE_3D" ? <ActiveCapture key={c.id} {...methodProps} step={label} turns={c.turns} holdsMs={c.holdsMs} /> : <PassiveCapture key={c.id} {...methodProps} step={label} />;
        return shell(method);
      }
  }

  if (step.type === "start") {
    const onStart = (avoidFlashing: boolean) => {
      preloadCaptureScreens();
      void flow.start(avoidFlashing);
    };
    return shell(<StartScreen strings={strings} brand={state.branding.name} captureUrl={state.captureUrl} desktop={desktop} busy={flow.busy} onStart={onStart} resubmission={state.resubmission} expiresAt={state.expiresAt} language={language} onLanguage={(next) => void flow.changeLanguage(next)} flashingLight={state.flashingLight} />, desktop);
  }
  // step "capture" without this device capturing: another device is on it (or a reload after a failure)
  if (state.lastAttempt && !state.lastAttempt.ok && !desktop) return shell(<RetryScreen strings={strings} reason={state.lastAttempt.reason} attemptsLeft={attemptsLeft(state)} onRetry={retryToCamera} />);
  return shell(<FollowingScreen strings={strings} note={state.lastAttempt && !state.lastAttempt.ok ? state.lastAttempt.reason : null} onUseThisDevice={flow.chooseThisDevice} />);
}
