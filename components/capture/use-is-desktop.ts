"use client";

import { useSyncExternalStore } from "react";

// A wide screen with a mouse and no touch: offer the QR hand-off to a phone camera first.
const QUERY = "(min-width: 768px) and (hover: hover) and (pointer: fine)";

function subscribe(onChange: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

export function useIsDesktop(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches && navigator.maxTouchPoints === 0,
    () => false,
  );
}
