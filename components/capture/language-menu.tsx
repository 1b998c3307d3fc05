"use client";

import { LANGUAGE_NAMES, SUPPORTED_LANGUAGES, type Language } from "@/lib/capture/languages";
import { Icon } from "./icons";
import { useHydrated } from "./use-hydrated";

// The start screen's language switch: a native select (keyboard and screen-reader friendly on every
// phone), each language written in itself so a person finds their own. Disabled until the page has
// hydrated: a choice made before would be lost.
export function LanguageMenu({ value, label, onChange }: { value: Language; label: string; onChange: (language: Language) => void }) {
  const hydrated = useHydrated();
  return (
    <label className="relative inline-flex items-center gap-1.5 rounded-full bg-slate-100 py-1.5 pr-3 pl-3 text-sm text-slate-700 ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-[var(--brand)]">
      <Icon name="globe" width={16} height={16} />
      <span className="sr-only">{label}</span>
      <select
        data-testid="language-menu"
        value={value}
        disabled={!hydrated}
        onChange={(e) => onChange(e.target.value as Language)}
        className="field-sizing-content cursor-pointer appearance-none bg-transparent pr-4 font-medium outline-none"
      >
        {SUPPORTED_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
      <span aria-hidden className="pointer-events-none absolute right-3 text-xs text-slate-500">
        ▾
      </span>
    </label>
  );
}
