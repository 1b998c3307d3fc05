import type { Warning } from "@/lib/verification/warnings";

const tone = { error: "border-red-500 bg-red-50", warning: "border-amber-500 bg-amber-50", information: "border-slate-300 bg-slate-50" } as const;

// A check's risks with their full wording, most severe first in colour.
export function WarningList({ warnings }: { warnings: Warning[] }) {
  return (
    <ul className="space-y-2">
      {warnings.map((w, i) => (
        <li key={`${w.risk}-${i}`} className={`rounded-md border-l-4 px-3 py-2 text-sm ${tone[w.log_type] ?? tone.information}`}>
          <p className="font-medium text-slate-900">
            {w.short_description} <span className="font-mono text-[11px] font-normal text-slate-500">{w.risk}</span>
          </p>
          <p className="mt-0.5 text-slate-600">{w.long_description}</p>
        </li>
      ))}
    </ul>
  );
}
