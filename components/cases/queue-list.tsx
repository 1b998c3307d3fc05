"use client";

import type { ReviewCase } from "@/lib/review/list-review-queue";

function age(since: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - new Date(since).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

// The queue itself: oldest first, how long each case has waited and who holds it.
export function QueueList({ cases, total, selectedId, meId, onSelect }: { cases: ReviewCase[]; total: number; selectedId: string | null; meId: string; onSelect: (id: string) => void }) {
  return (
    <nav aria-label="Cases" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <p className="border-b border-slate-100 px-4 py-3 text-sm font-medium text-slate-700">
        {total} waiting{total > cases.length ? ` (oldest ${cases.length} shown)` : ""}
      </p>
      <ul className="max-h-[calc(100vh-220px)] divide-y divide-slate-100 overflow-y-auto">
        {cases.map((c) => {
          const active = c.id === selectedId;
          return (
            <li key={c.id}>
              <button
                type="button"
                onClick={() => onSelect(c.id)}
                aria-current={active ? "true" : undefined}
                className={`block w-full px-4 py-3 text-left transition ${active ? "bg-brand-50 ring-1 ring-inset ring-brand-500" : "hover:bg-slate-50"}`}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="truncate text-sm font-medium text-slate-900">
                    #{c.sessionNumber} · {c.vendorData ?? "—"}
                  </span>
                  <span className="shrink-0 text-xs tabular-nums text-slate-500">{age(c.inReviewSince)}</span>
                </span>
                <span className="mt-1 flex items-center justify-between gap-2 text-xs text-slate-500">
                  <span className="truncate">
                    {c.faceMatch?.score != null ? `match ${Math.round(c.faceMatch.score)}` : null}
                    {c.faceMatch?.score != null && c.liveness?.score != null ? " · " : null}
                    {c.liveness?.score != null ? `liveness ${Math.round(c.liveness.score)}` : null}
                  </span>
                  {c.assignee ? <span className={`shrink-0 rounded px-1.5 py-0.5 ${c.assignee.id === meId ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"}`}>{c.assignee.id === meId ? "you" : c.assignee.email}</span> : null}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
