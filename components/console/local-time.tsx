"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// A timestamp in the reader's own locale and time zone. The server cannot know them, so the server's
// HTML (and the hydration pass, which must match it) says the time in UTC, marked as such; right after
// hydration the browser renders it with Intl in its own settings. Client-side navigations render the
// local form at once. `seconds` for timelines, where the order within a minute matters.
export function LocalTime({ value, className, seconds = false }: { value: string | Date; className?: string; seconds?: boolean }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>—</>;
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: seconds ? "medium" : "short" };
  const text = inBrowser ? date.toLocaleString(undefined, options) : `${date.toLocaleString("en-GB", { ...options, timeZone: "UTC" })} UTC`;
  return (
    <time dateTime={date.toISOString()} className={className} title={inBrowser ? date.toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" }) : undefined}>
      {text}
    </time>
  );
}
