"use client";

import type { CaptureStrings } from "@/lib/capture/i18n";
import { CaptureButton } from "./capture-buttons";
import type { IconName } from "./icons";
import { StatusScreen, type Tone } from "./status-screen";

export type MessageKind = "denied" | "noCamera" | "cameraInUse" | "unsupported" | "offline" | "busy" | "timedOut" | "expired" | "notFound" | "error" | "cancelled";

// what stops the user: announced at once (expiry and cancelling are news, not errors)
const failures = new Set<MessageKind>(["denied", "noCamera", "unsupported", "error"]);

const looks: Record<MessageKind, { icon: IconName; tone: Tone }> = {
  denied: { icon: "cameraOff", tone: "warning" },
  noCamera: { icon: "cameraOff", tone: "warning" },
  cameraInUse: { icon: "cameraOff", tone: "warning" },
  offline: { icon: "alert", tone: "warning" },
  busy: { icon: "clock", tone: "warning" },
  timedOut: { icon: "clock", tone: "neutral" },
  unsupported: { icon: "alert", tone: "warning" },
  expired: { icon: "clock", tone: "neutral" },
  notFound: { icon: "alert", tone: "neutral" },
  error: { icon: "alert", tone: "danger" },
  cancelled: { icon: "x", tone: "neutral" },
};

// Screens that explain why the camera step cannot go on, and what the user can do about it.
export function MessageScreen({ kind, strings, onAction }: { kind: MessageKind; strings: CaptureStrings; onAction?: () => void }) {
  const { icon, tone } = looks[kind];
  const text = strings[kind];
  const action = kind === "denied" ? strings.denied.button : kind === "cancelled" ? strings.cancelled.button : kind === "error" || kind === "cameraInUse" || kind === "offline" || kind === "busy" ? strings.error.button : null;
  const howTo =
    kind === "denied" ? (
      <ul className="space-y-2 rounded-2xl bg-slate-50 p-4 text-left text-sm leading-relaxed text-slate-700 ring-1 ring-slate-200/70">
        {strings.denied.howTo.map((line) => (
          <li key={line} className="flex gap-2">
            <span aria-hidden className="mt-2 size-1.5 shrink-0 rounded-full bg-slate-400" />
            {line}
          </li>
        ))}
      </ul>
    ) : null;
  return (
    <StatusScreen icon={icon} tone={tone} title={text.title} lead={text.lead} details={howTo} testId={`screen-${kind}`} alert={failures.has(kind)}>
      {action && onAction ? (
        <CaptureButton onClick={onAction} className="w-full">
          {action}
        </CaptureButton>
      ) : null}
    </StatusScreen>
  );
}
