import { priorityLabels } from "@/lib/review/queue-filters";

const tones = ["", "bg-amber-100 text-amber-800", "bg-red-600 text-white"];

// "High" / "Urgent" on a row (normal cases carry no badge).
export function PriorityBadge({ priority }: { priority: number }) {
  if (priority <= 0) return null;
  return <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold ${tones[priority] ?? tones[2]}`}>{priorityLabels[priority] ?? "Urgent"}</span>;
}

// Normal, High, Urgent as the values 0, 1, 2 of a select.
export function PriorityOptions() {
  return priorityLabels.map((label, i) => (
    <option key={label} value={i}>
      {label}
    </option>
  ));
}

// A reviewer changes the case's priority (audited).
export function PrioritySelect({ value, onChange, disabled }: { value: number; onChange: (p: 0 | 1 | 2) => void; disabled?: boolean }) {
  return (
    <label className="flex items-center gap-1.5">
      Priority
      <select aria-label="Case priority" value={value} disabled={disabled} onChange={(e) => onChange(Number(e.target.value) as 0 | 1 | 2)} className="rounded-md border-0 py-1 pl-2 pr-7 text-sm text-slate-900 ring-1 ring-inset ring-slate-300">
        <PriorityOptions />
      </select>
    </label>
  );
}
