"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// False while the server renders and while the browser hydrates that HTML, true from then on: for what
// only the browser knows (its time zone, sessionStorage), so the hydrated page matches the server's.
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
