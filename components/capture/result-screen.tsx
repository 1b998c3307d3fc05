"use client";

import { useEffect, useState } from "react";
import type { CaptureStrings } from "@/lib/capture/i18n";
import { CaptureButton } from "./capture-buttons";
import type { IconName } from "./icons";
import { StatusScreen, type Tone } from "./status-screen";

const REDIRECT_AFTER_S = 5;

function look(status: string, strings: CaptureStrings): { icon: IconName; tone: Tone; title: string; lead: string } {
  if (status === "Approved") return { icon: "check", tone: "success", ...strings.result.approved };
  if (status === "Declined") return { icon: "x", tone: "danger", ...strings.result.declined };
  if (status === "In Review") return { icon: "clock", tone: "warning", ...strings.result.review };
  return { icon: "check", tone: "brand", ...strings.result.other };
}

// The outcome in plain words. With a callback the page goes back to the integrator by itself after a
// few seconds (only when the outcome arrived while this page was open), or at once with "Continue".
export function ResultScreen({ status, strings, skipped, redirectUrl, autoRedirect, onRedirect }: { status: string; strings: CaptureStrings; skipped?: boolean; redirectUrl: string | null; autoRedirect: boolean; onRedirect: (url: string) => void }) {
  const [left, setLeft] = useState(REDIRECT_AFTER_S);
  const counting = !!redirectUrl && autoRedirect;
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => clearInterval(timer);
  }, [counting]);
  useEffect(() => {
    if (counting && left === 0 && redirectUrl) onRedirect(redirectUrl);
  }, [counting, left, redirectUrl, onRedirect]);

  const { icon, tone, title, lead } = skipped ? { icon: "shield" as const, tone: "success" as const, ...strings.skipped } : look(status, strings);
  return (
    <StatusScreen icon={icon} tone={tone} title={title} lead={lead} testId="screen-result">
      {/* the raw status for tests, never shown or read out: the title says it in the page's language */}
      <p hidden data-testid="result-status">
        {status}
      </p>
      {redirectUrl ? (
        <>
          <CaptureButton onClick={() => onRedirect(redirectUrl)} className="w-full">
            {strings.result.continue}
          </CaptureButton>
          {counting ? (
            <p className="text-center text-sm text-slate-500" aria-live="off">
              {strings.result.redirecting(left)}
            </p>
          ) : null}
        </>
      ) : (
        <p className="text-center text-sm text-slate-500">{strings.result.closeHint}</p>
      )}
    </StatusScreen>
  );
}
