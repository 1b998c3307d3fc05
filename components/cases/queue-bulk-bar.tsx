"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Acting on the selected cases at once: assign to me, to a reviewer, or release.
export function QueueBulkBar({ count, reviewers, busy, onAssign, onClear }: { count: number; reviewers: { value: string; label: string }[]; busy: boolean; onAssign: (to: string | null) => void; onClear: () => void }) {
  const [to, setTo] = useState("");
  return (
    <div role="toolbar" aria-label="Selected cases" className="flex flex-wrap items-center gap-2 rounded-lg bg-brand-50 px-4 py-2 text-sm ring-1 ring-brand-200">
      <span className="font-medium text-brand-800">{count} selected</span>
      <Button variant="secondary" disabled={busy} onClick={() => onAssign("me")}>
        Assign to me
      </Button>
      <select aria-label="Assign to reviewer" value={to} onChange={(e) => setTo(e.target.value)} className="rounded-md border-0 py-1.5 pl-2.5 pr-8 text-sm ring-1 ring-inset ring-slate-300">
        <option value="">Choose a reviewer…</option>
        {reviewers.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </select>
      <Button variant="secondary" disabled={busy || !to} onClick={() => onAssign(to)}>
        Assign
      </Button>
      <Button variant="secondary" disabled={busy} onClick={() => onAssign(null)}>
        Release
      </Button>
      <Button variant="ghost" onClick={onClear}>
        Clear selection
      </Button>
    </div>
  );
}
