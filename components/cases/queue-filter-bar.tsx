"use client";

import { reasonLabel, reviewReasonCodes } from "@/components/cases/review-reasons";
import { Button } from "@/components/ui/button";
import { priorityLabels } from "@/lib/review/queue-filters";

type Option = { value: string; label: string };
const control = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
const ages: Option[] = [
  { value: "overdue", label: "Overdue" },
  { value: "1h", label: "Waiting > 1 h" },
  { value: "4h", label: "Waiting > 4 h" },
  { value: "24h", label: "Waiting > 24 h" },
  { value: "3d", label: "Waiting > 3 days" },
  { value: "7d", label: "Waiting > 7 days" },
];

// The queue's filters; every change goes to the address at once (no Apply), so a view can be shared.
export function QueueFilterBar({ filters, workflows, reviewers, onChange, children }: { filters: Record<string, string>; workflows: Option[]; reviewers: Option[]; onChange: (changes: Record<string, string | null>) => void; children?: React.ReactNode }) {
  const select = (name: string, label: string, options: Option[]) => (
    <div className="w-44">
      <label htmlFor={`queue-${name}`} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={`queue-${name}`} value={filters[name] ?? ""} onChange={(e) => onChange({ [name]: e.target.value || null })} className={control}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {filters[name] && !options.some((o) => o.value === filters[name]) ? <option value={filters[name]}>{filters[name]}</option> : null}
      </select>
    </div>
  );
  return (
    <div role="search" aria-label="Filter the queue" className="flex flex-wrap items-end gap-3 rounded-lg bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200">
      {select("workflow", "Workflow", workflows)}
      {select("reason", "Why in review", reviewReasonCodes.map((c) => ({ value: c, label: reasonLabel(c) })))}
      {select("assignee", "Assignee", [{ value: "me", label: "Me" }, { value: "unassigned", label: "Unassigned" }, ...reviewers])}
      {select("age", "Age", ages)}
      {select("priority", "Priority", priorityLabels.map((label, i) => ({ value: String(i), label })))}
      <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
        <input type="checkbox" checked={filters.second === "awaiting"} onChange={(e) => onChange({ second: e.target.checked ? "awaiting" : null })} className="rounded border-slate-300" />
        Awaiting second review
      </label>
      {Object.keys(filters).length ? (
        <Button variant="ghost" onClick={() => onChange(Object.fromEntries(Object.keys(filters).map((k) => [k, null])))}>
          Clear
        </Button>
      ) : null}
      <div className="ml-auto">{children}</div>
    </div>
  );
}
