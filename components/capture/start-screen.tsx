"use client";

import type { CaptureStrings } from "@/lib/capture/i18n";
import type { Language } from "@/lib/capture/languages";
import { CaptureButton } from "./capture-buttons";
import { HandoffPanel } from "./lazy-screens";
import { Icon, type IconName } from "./icons";
import { LanguageMenu } from "./language-menu";
import { useFocusHeading } from "./use-focus-heading";
import { Hydrated, useHydrated } from "./use-hydrated";

type Resubmission = { reason: string | null; comment: string | null };

// Consent and preparation. On a desktop the phone hand-off (QR) sits beside "use this device". When a
// reviewer asked for a new attempt, the screen says so and why. The language menu switches the page in
// place (the session keeps the choice). When the check may flash colours, a warning offers the
// head-turn check instead (`onStart(true)`).
export function StartScreen({ strings, brand, captureUrl, desktop, busy, onStart, resubmission, expiresAt, language, onLanguage, flashingLight = false }: { strings: CaptureStrings; brand: string; captureUrl: string; desktop: boolean; busy: boolean; onStart: (avoidFlashing: boolean) => void; resubmission?: Resubmission | null; expiresAt?: string; language?: Language; onLanguage?: (language: Language) => void; flashingLight?: boolean }) {
  const s = strings.start;
  // The screen comes with the page's HTML: its buttons and language menu show as disabled until the
  // JavaScript has hydrated it (CaptureButton, useHydrated) rather than swallow a tap.
  // The desktop layout (known only once hydrated) is a new heading element: focus follows it.
  const heading = useFocusHeading(`${resubmission ? "resubmit" : "start"}:${desktop}`);
  const tips: [IconName, string][] = [
    ["sun", s.tips[0]],
    ["glasses", s.tips[1]],
    ["user", s.tips[2]],
  ];
  const intro = (
    <div className="flex flex-1 flex-col">
      <div className="flex items-start justify-between gap-3">
        <div aria-hidden className="grid size-14 place-items-center rounded-2xl bg-[var(--brand-soft)] text-[var(--brand-ink)]">
          <FaceOvalGlyph />
        </div>
        {onLanguage ? <LanguageMenu value={language ?? strings.language} label={strings.languageMenu.label} onChange={onLanguage} /> : null}
      </div>
      <h1 ref={heading} tabIndex={-1} className="mt-5 outline-none text-[26px] leading-tight font-semibold tracking-tight text-balance text-slate-900">{resubmission ? strings.resubmit.title : s.title}</h1>
      <p className="mt-2 text-[15px] leading-relaxed text-slate-600">{resubmission ? strings.resubmit.lead : s.lead(brand)}</p>
      {resubmission && (resubmission.reason || resubmission.comment) ? (
        <div role="note" data-testid="resubmission-note" className="mt-4 rounded-xl bg-amber-50 px-4 py-3 text-[15px] text-amber-900 ring-1 ring-amber-200">
          {resubmission.reason ? <p className="font-medium">{resubmission.reason}</p> : null}
          {resubmission.comment ? (
            <p className={resubmission.reason ? "mt-1" : ""}>
              <span className="sr-only">{strings.resubmit.commentLabel}: </span>
              {resubmission.comment}
            </p>
          ) : null}
        </div>
      ) : null}
      <ul className="mt-6 space-y-3">
        {tips.map(([icon, text]) => (
          <li key={text} className="flex items-center gap-3 text-[15px] text-slate-800">
            <span className="grid size-9 shrink-0 place-items-center rounded-full bg-slate-100 text-slate-600">
              <Icon name={icon} width={18} height={18} />
            </span>
            {text}
          </li>
        ))}
      </ul>
      {flashingLight ? <FlashingWarning strings={strings} busy={busy} onAvoid={() => onStart(true)} /> : null}
      <p className="mt-6 text-xs leading-relaxed text-slate-500">{s.consent(brand)}</p>
      {/* in the browser's time zone, so written once hydrated (the line's height is kept meanwhile) */}
      {expiresAt ? <Hydrated>{(ready) => <p className="mt-2 text-xs text-slate-500">{ready ? s.validUntil(new Date(expiresAt)) : "\u00a0"}</p>}</Hydrated> : null}
      <div className="mt-auto pt-6 sm:pt-8">
        <CaptureButton onClick={() => onStart(false)} disabled={busy} className="w-full" variant={desktop ? "secondary" : "primary"}>
          {desktop ? <Icon name="camera" width={20} height={20} /> : null}
          {desktop ? s.useThisDevice : s.button}
        </CaptureButton>
      </div>
    </div>
  );
  if (!desktop) return intro;
  return (
    <div className="grid gap-8 md:grid-cols-[1fr_auto_1fr] md:gap-10">
      {intro}
      <div className="flex items-center gap-3 md:flex-col" aria-hidden>
        <span className="h-px flex-1 bg-slate-200 md:h-auto md:w-px" />
        <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">{s.or}</span>
        <span className="h-px flex-1 bg-slate-200 md:h-auto md:w-px" />
      </div>
      <HandoffPanel url={captureUrl} strings={strings} />
    </div>
  );
}

// Shown before a check that flashes colours, for people whom flashing light can harm.
export function FlashingWarning({ strings, busy, onAvoid }: { strings: CaptureStrings; busy: boolean; onAvoid: () => void }) {
  const f = strings.flashing;
  const hydrated = useHydrated();
  return (
    <div role="note" aria-labelledby="flashing-warning-title" data-testid="flashing-warning" className="mt-6 flex gap-3 rounded-xl bg-amber-50 px-4 py-3 text-amber-950 ring-1 ring-amber-200">
      <Icon name="alert" width={20} height={20} className="mt-0.5 shrink-0 text-amber-700" />
      <div>
        <p id="flashing-warning-title" className="text-[15px] font-semibold">{f.warningTitle}</p>
        <p className="mt-1 text-sm leading-relaxed">{f.warning}</p>
        <button type="button" onClick={onAvoid} disabled={busy || !hydrated} className="mt-2 rounded text-sm font-semibold text-amber-950 underline underline-offset-2 outline-none focus-visible:ring-2 focus-visible:ring-amber-700 focus-visible:ring-offset-2 disabled:opacity-60">
          {f.alternative}
        </button>
      </div>
    </div>
  );
}

function FaceOvalGlyph() {
  return (
    <svg width="30" height="30" viewBox="0 0 30 30" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <path d="M4 9V6a2 2 0 0 1 2-2h3M21 4h3a2 2 0 0 1 2 2v3M26 21v3a2 2 0 0 1-2 2h-3M9 26H6a2 2 0 0 1-2-2v-3" />
      <ellipse cx="15" cy="15" rx="6" ry="7.5" />
      <path d="M12.5 17.5c1.4 1.2 3.6 1.2 5 0" />
    </svg>
  );
}
