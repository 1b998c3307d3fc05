"use client";

import dynamic from "next/dynamic";

// What the start screen does not need stays out of its JavaScript (a cheap phone on a slow network
// pays for every kilobyte before "Start" works): the camera screens with their guidance, and the QR
// code that only a desktop shows. Pressing Start fetches the camera screens while the camera opens;
// the face detector's runtime and model come later still, once the camera is live.
const loadPassive = () => import("./passive-capture");
const loadFlashing = () => import("./flashing-capture");
const loadActive = () => import("./active-capture");

export const PassiveCapture = dynamic(() => loadPassive().then((m) => m.PassiveCapture), { ssr: false });
export const FlashingCapture = dynamic(() => loadFlashing().then((m) => m.FlashingCapture), { ssr: false });
export const ActiveCapture = dynamic(() => loadActive().then((m) => m.ActiveCapture), { ssr: false });
// the placeholder keeps the panel's place, so the page does not jump when the QR code arrives
export const HandoffPanel = dynamic(() => import("./handoff-panel").then((m) => m.HandoffPanel), { ssr: false, loading: () => <div aria-hidden className="min-h-[22rem] rounded-2xl bg-slate-50 ring-1 ring-slate-200/70" /> });

/** Starts fetching the camera screens (on Start, before the server answers). */
export function preloadCaptureScreens(): void {
  void Promise.all([loadPassive(), loadFlashing(), loadActive()]).catch(() => undefined);
}
