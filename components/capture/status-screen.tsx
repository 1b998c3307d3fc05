"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { Icon, type IconName } from "./icons";

export type Tone = "success" | "danger" | "warning" | "neutral" | "brand";

const tones: Record<Tone, string> = {
  success: "bg-emerald-50 text-emerald-700 ring-emerald-100",
  danger: "bg-rose-50 text-rose-700 ring-rose-100",
  warning: "bg-amber-50 text-amber-700 ring-amber-100",
  neutral: "bg-slate-100 text-slate-600 ring-slate-200/60",
  brand: "bg-[var(--brand-soft)] text-[var(--brand-ink)] ring-transparent",
};

// A full-card message (result, retry, camera blocked, expired...): news on top, actions at the
// bottom of a phone screen (thumb reach), right below the text on a desktop card. Its heading takes focus when it
// appears so screen-reader and keyboard users land on the news, not at the top of the page.
// `alert`: the lead explains a failure, announced assertively (guidance and progress stay polite).
export function StatusScreen({ icon, tone, title, lead, details, testId, alert = false, children }: { icon: IconName; tone: Tone; title: string; lead?: ReactNode; details?: ReactNode; testId?: string; alert?: boolean; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <section data-testid={testId} className="flex flex-1 flex-col items-center pt-6 text-center sm:pt-2">
      <div className={`grid size-20 place-items-center rounded-full ring-8 ${tones[tone]}`}>
        <Icon name={icon} width={36} height={36} strokeWidth={2} />
      </div>
      <h1 ref={heading} tabIndex={-1} className="mt-6 text-2xl font-semibold tracking-tight text-slate-900 outline-none">
        {title}
      </h1>
      {lead ? <div role={alert ? "alert" : undefined} className="mt-2 max-w-sm text-[15px] leading-relaxed text-slate-600">{lead}</div> : null}
      {details ? <div className="mt-6 w-full max-w-sm">{details}</div> : null}
      {children ? <div className="mt-auto flex w-full max-w-sm flex-col gap-3 pt-8 sm:mt-8 sm:pt-0">{children}</div> : null}
    </section>
  );
}
