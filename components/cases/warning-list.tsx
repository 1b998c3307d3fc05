import Link from "next/link";
import type { Warning } from "@/lib/verification/warnings";

const tone = { error: "border-red-500 bg-red-50", warning: "border-amber-500 bg-amber-50", information: "border-slate-300 bg-slate-50" } as const;

// What a duplicate or blocklist warning matched (its additional_data), as links to follow.
function MatchLinks({ data }: { data: NonNullable<Warning["additional_data"]> }) {
  const sessionId = data.blocklisted_session_id ?? data.duplicated_session_id;
  const sessionNumber = data.blocklisted_session_number ?? data.duplicated_session_number;
  return (
    <p className="mt-1 flex flex-wrap gap-x-3 text-xs" data-testid="warning-match">
      {sessionId ? (
        <Link className="font-medium text-brand-700 hover:underline" href={`/sessions/${sessionId}`}>
          Matched session #{sessionNumber ?? "?"} →
        </Link>
      ) : null}
      {data.vendor_data ? (
        <Link className="text-brand-700 hover:underline" href={`/users/${encodeURIComponent(String(data.vendor_data))}`}>
          user {data.vendor_data}
        </Link>
      ) : null}
      {data.list_id ? (
        <Link className="text-brand-700 hover:underline" href={`/lists/${data.list_id}`}>
          list {data.list_name ?? data.list_id}
        </Link>
      ) : null}
    </p>
  );
}

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
          {w.additional_data ? <MatchLinks data={w.additional_data} /> : null}
        </li>
      ))}
    </ul>
  );
}
