"use client";

import type { CaptureStrings } from "@/lib/capture/i18n";
import { useFocusHeading } from "./use-focus-heading";

// While the frames are checked on the server: a calm spinner, announced once.
export function CheckingScreen({ strings, title, lead }: { strings: CaptureStrings; title?: string; lead?: string }) {
  const heading = useFocusHeading(title);
  return (
    <section data-testid="screen-checking" role="status" aria-live="polite" className="flex flex-1 flex-col items-center justify-center py-16 text-center">
      <span aria-hidden className="size-16 animate-spin motion-reduce:animate-none rounded-full border-4 border-slate-200 border-t-[var(--brand)]" />
      <h1 ref={heading} tabIndex={-1} className="mt-6 outline-none text-2xl font-semibold tracking-tight text-slate-900">{title ?? strings.checking.title}</h1>
      <p className="mt-2 max-w-sm text-[15px] leading-relaxed text-slate-600">{lead ?? strings.checking.lead}</p>
    </section>
  );
}
