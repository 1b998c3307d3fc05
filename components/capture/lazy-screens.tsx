"use client";

import { lazy, Suspense, type ComponentProps, type ReactNode } from "react";

// What the start screen does not need stays out of its JavaScript (a cheap phone on a slow network
// pays for every kilobyte before "Start" works): the camera screens with their guidance, and the QR
// code that only a desktop shows. Pressing Start fetches the camera screens while the camera opens;
// the face detector's runtime and model come later still, once the camera is live. React.lazy rather
// than next/dynamic: the latter adds ~8 KB of its own to the page.
const loadPassive = () => import("./passive-capture");
const loadFlashing = () => import("./flashing-capture");
const loadActive = () => import("./active-capture");

const LazyPassive = lazy(() => loadPassive().then((m) => ({ default: m.PassiveCapture })));
const LazyFlashing = lazy(() => loadFlashing().then((m) => ({ default: m.FlashingCapture })));
const LazyActive = lazy(() => loadActive().then((m) => ({ default: m.ActiveCapture })));
const LazyHandoff = lazy(() => import("./handoff-panel").then((m) => ({ default: m.HandoffPanel })));
// screens that come after a capture (or on the desktop that handed over to a phone)
const LazyResult = lazy(() => import("./result-screen").then((m) => ({ default: m.ResultScreen })));
const LazyRetry = lazy(() => import("./retry-screen").then((m) => ({ default: m.RetryScreen })));
const LazyFollowing = lazy(() => import("./following-screen").then((m) => ({ default: m.FollowingScreen })));

// while a camera screen's code arrives: the dark stage it opens on, busy
const stageFallback = <div aria-busy className="fixed inset-0 z-30 bg-slate-950 sm:relative sm:inset-auto sm:z-auto sm:aspect-[4/5] sm:rounded-2xl" />;
// the QR panel's place, so the page does not jump when it arrives
const handoffFallback = <div aria-hidden className="min-h-[22rem] rounded-2xl bg-slate-50 ring-1 ring-slate-200/70" />;

function withFallback(fallback: ReactNode, node: ReactNode) {
  return <Suspense fallback={fallback}>{node}</Suspense>;
}

export const PassiveCapture = (props: ComponentProps<typeof LazyPassive>) => withFallback(stageFallback, <LazyPassive {...props} />);
export const FlashingCapture = (props: ComponentProps<typeof LazyFlashing>) => withFallback(stageFallback, <LazyFlashing {...props} />);
export const ActiveCapture = (props: ComponentProps<typeof LazyActive>) => withFallback(stageFallback, <LazyActive {...props} />);
export const HandoffPanel = (props: ComponentProps<typeof LazyHandoff>) => withFallback(handoffFallback, <LazyHandoff {...props} />);
export const ResultScreen = (props: ComponentProps<typeof LazyResult>) => withFallback(null, <LazyResult {...props} />);
export const RetryScreen = (props: ComponentProps<typeof LazyRetry>) => withFallback(null, <LazyRetry {...props} />);
export const FollowingScreen = (props: ComponentProps<typeof LazyFollowing>) => withFallback(null, <LazyFollowing {...props} />);

/** Starts fetching the camera screens and what follows them (on Start, before the server answers). */
export function preloadCaptureScreens(): void {
  void Promise.all([loadPassive(), loadFlashing(), loadActive(), import("./result-screen"), import("./retry-screen")]).catch(() => undefined);
}
