import type { ReactNode } from "react";
import type { CaptureStrings } from "@/lib/capture/i18n";
import { brandStyle } from "./brand-theme";
import { Icon } from "./icons";

export type Branding = { name: string; color: string; logoUrl: string | null };

// The page frame: the integrator's name and logo on top, one calm card, a security note below.
// On a phone the card is the whole page; from `sm` up it floats on a tinted background.
export function CaptureShell({ branding, strings, language, wide = false, children }: { branding: Branding; strings: CaptureStrings; language: string; wide?: boolean; children: ReactNode }) {
  return (
    <div style={brandStyle(branding.color)} className="flex min-h-dvh flex-col bg-white sm:bg-slate-100">
      <header className="mx-auto flex w-full max-w-5xl items-center gap-3 px-5 pt-5 pb-3 sm:justify-center sm:px-8 sm:pt-10">
        <BrandMark branding={branding} />
        <span className="truncate text-[15px] font-semibold text-slate-900">{branding.name}</span>
      </header>
      <main lang={language} className="flex flex-1 flex-col items-center px-0 sm:justify-center sm:px-6 sm:py-6">
        <div className={`flex w-full flex-1 flex-col bg-white px-5 pt-3 pb-6 sm:flex-none sm:rounded-3xl sm:px-10 sm:py-10 sm:shadow-[0_1px_2px_rgba(15,23,42,.06),0_12px_40px_-12px_rgba(15,23,42,.18)] sm:ring-1 sm:ring-slate-200/70 ${wide ? "sm:max-w-4xl" : "sm:max-w-lg"}`}>
          {children}
        </div>
      </main>
      <footer className="flex items-center justify-center gap-1.5 px-5 pt-2 pb-6 text-xs text-slate-600">
        <Icon name="lock" width={14} height={14} />
        <span>{strings.poweredBy}</span>
      </footer>
    </div>
  );
}

function BrandMark({ branding }: { branding: Branding }) {
  if (branding.logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- an integrator's logo on any host, unknown size
    return <img src={branding.logoUrl} alt="" className="h-8 w-auto max-w-[140px] object-contain" />;
  }
  return (
    <span aria-hidden className="grid size-8 place-items-center rounded-lg bg-[var(--brand)] text-sm font-bold text-[var(--brand-fg)]">
      {branding.name.trim().charAt(0).toUpperCase() || "·"}
    </span>
  );
}
