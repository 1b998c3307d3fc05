"use client";

import { useEffect, useRef } from "react";

// Each hosted screen is a new "page" to its user: focus goes to its heading when it appears, so a
// screen reader reads the news first and the keyboard starts from there (the heading has tabIndex -1).
export function useFocusHeading<T extends HTMLElement = HTMLHeadingElement>(key?: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [key]);
  return ref;
}
