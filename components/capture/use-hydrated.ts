"use client";

import { useSyncExternalStore, type ReactNode } from "react";

const noSubscription = () => () => {};

// A value only the browser knows (sessionStorage, ...), read once: `serverValue` while the server
// renders and while the browser hydrates that HTML, so the hydrated page matches the server's, then
// `read()`. Only the component asking renders again. `read` must return a primitive (compared by value).
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscription, read, () => serverValue);
}

// False while the server renders and while the browser hydrates that HTML, true from then on: for what
// only the browser knows (its time zone, sessionStorage), so the hydrated page matches the server's.
export function useHydrated(): boolean {
  return useBrowserValue(() => true, false);
}

// `children(hydrated)`, so that only this leaf renders again once the page has hydrated, not the
// whole screen around it (a second render of the page right after hydration is blocking time on a phone).
export function Hydrated({ children }: { children: (hydrated: boolean) => ReactNode }) {
  return children(useHydrated());
}
