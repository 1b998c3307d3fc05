"use client";

import { PriorityBadge } from "@/components/cases/case-priority";
import { formatDue, formatWait } from "@/components/cases/queue-time";
import { ReviewReasons } from "@/components/cases/review-reasons";
import type { ReviewCase } from "@/lib/review/list-review-queue";

type Props = {
  cases: ReviewCase[];
  // a case opened by link that the filters or the page leave out: shown first, marked
  opened: ReviewCase | null;
  selectedId: string | null;
  meId: string;
  onSelect: (id: string) => void;
  // bulk selection (reviewers and admins)
  checked?: Set<string>;
  onCheck?: (id: string, on: boolean) => void;
  footer: React.ReactNode;
  // when the data was fetched: waits and deadlines are relative to it
  now: number;
};

// The queue itself, most urgent first: why each case is here, how long it has waited, its deadline and
// priority, a second review it waits for, and who holds it. Overdue cases are marked in red.
export function QueueList({ cases, opened, selectedId, meId, onSelect, checked, onCheck, footer, now }: Props) {
  const rows = opened ? [opened, ...cases] : cases;
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <nav aria-label="Cases">
        <ul className="max-h-[calc(100vh-320px)] divide-y divide-slate-100 overflow-y-auto">
          {rows.map((c) => {
            const active = c.id === selectedId;
            const due = formatDue(c.dueAt, now);
            return (
              <li key={c.id} data-overdue={c.overdue ? "true" : undefined} className={`flex items-stretch ${c.overdue ? "border-l-4 border-red-500" : "border-l-4 border-transparent"}`}>
                {onCheck ? (
                  <label className="flex items-start px-2 pt-3.5">
                    <input type="checkbox" aria-label={`Select session #${c.sessionNumber}`} checked={checked?.has(c.id) ?? false} onChange={(e) => onCheck(c.id, e.target.checked)} className="rounded border-slate-300" />
                  </label>
                ) : null}
                <button
                  type="button"
                  onClick={() => onSelect(c.id)}
                  aria-current={active ? "true" : undefined}
                  className={`block min-w-0 flex-1 py-3 pr-4 text-left transition ${onCheck ? "" : "pl-4"} ${active ? "bg-brand-50 ring-1 ring-inset ring-brand-500" : c.overdue ? "bg-red-50/50 hover:bg-red-50" : "hover:bg-slate-50"}`}
                >
                  <span className="flex items-center justify-between gap-2">
                    <span className="flex min-w-0 items-center gap-1.5">
                      <PriorityBadge priority={c.priority} />
                      <span className="truncate text-sm font-medium text-slate-900">
                        #{c.sessionNumber} · {c.vendorData ?? "—"}
                      </span>
                    </span>
                    <span className="shrink-0 text-xs tabular-nums text-slate-600" title="Waiting since it entered review">
                      {formatWait(now - new Date(c.inReviewSince).getTime())}
                    </span>
                  </span>
                  <span className="mt-1.5 block">
                    <ReviewReasons codes={c.reasons} />
                  </span>
                  <span className="mt-1.5 flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-xs text-slate-600">
                    <span className="flex flex-wrap items-center gap-x-2">
                      <span className="truncate">{c.workflow}</span>
                      {due ? <span className={due.overdue ? "font-semibold text-red-700" : ""}>{due.text}</span> : null}
                      {c.id === opened?.id ? <span className="text-brand-700">opened from link</span> : null}
                    </span>
                    <span className="flex items-center gap-1">
                      {c.awaitingSecondReview ? <span className="rounded bg-violet-100 px-1.5 py-0.5 text-violet-800">awaiting 2nd review</span> : null}
                      {c.assignee ? <span className={`rounded px-1.5 py-0.5 ${c.assignee.id === meId ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600"}`}>{c.assignee.id === meId ? "you" : c.assignee.email}</span> : null}
                    </span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {footer}
    </div>
  );
}
