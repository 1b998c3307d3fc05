"use client";

import { reasonLabel, reviewReasonCodes } from "@/components/cases/review-reasons";
import { FilterSelect } from "@/components/console/filter-bar";
import { Button } from "@/components/ui/button";
import { priorityLabels, queueAges, type QueueAge } from "@/lib/review/queue-filters";

type Option = { value: string; label: string };
// one label per age the queue's filters accept, in their order
const ageLabels: Record<QueueAge, string> = { overdue: "Overdue", "1h": "Waiting > 1 h", "4h": "Waiting > 4 h", "24h": "Waiting > 24 h", "3d": "Waiting > 3 days", "7d": "Waiting > 7 days" };
const ages: Option[] = queueAges.map((value) => ({ value, label: ageLabels[value] }));

// The queue's filters; every change goes to the address at once (no Apply), so a view can be shared.
export function QueueFilterBar({ filters, workflows, reviewers, onChange, children }: { filters: Record<string, string>; workflows: Option[]; reviewers: Option[]; onChange: (changes: Record<string, string | null>) => void; children?: React.ReactNode }) {
  const select = (name: string, label: string, options: Option[]) => {
    const value = filters[name] ?? "";
    return (
      <div className="w-44">
        <label htmlFor={`queue-${name}`} className="mb-1 block text-xs font-medium text-slate-600">
          {label}
        </label>
        {/* a value from the address that is not among the options (e.g. a reviewer since removed) stays visible */}
        <FilterSelect id={`queue-${name}`} value={value} onChange={(e) => onChange({ [name]: e.target.value || null })} options={value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options} />
      </div>
    );
  };
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
