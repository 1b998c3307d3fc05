import { createElement, type ReactNode } from "react";
import { LocalTime } from "@/components/console/local-time";

// A timestamp for the console: rendered in the reviewer's locale and time zone (LocalTime), "—" when
// there is none. Usable in server and client components alike.
export function formatDateTime(value: string | Date | null | undefined): ReactNode {
  if (!value) return "—";
  return createElement(LocalTime, { value });
}

// Where only text will do (a tooltip): UTC, and said so.
export function formatDateTimeUtc(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return `${new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
}
