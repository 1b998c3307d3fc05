"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

// A timestamp in the viewer's own locale and time zone. The server (and hydration) render it in UTC,
// labelled so; the browser then shows local time, so server and client markup never disagree.
export function LocalTime({ value, className }: { value: string | Date; className?: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(value);
  const text = inBrowser
    ? date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })
    : `${date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" })} UTC`;
  return (
    <time dateTime={date.toISOString()} className={className} title={date.toISOString()}>
      {text}
    </time>
  );
}
