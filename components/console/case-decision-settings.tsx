"use client";

import { useState } from "react";
import { useApplicationSettings } from "@/components/console/use-application-settings";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { SaveOutcome } from "@/components/ui/save-outcome";
import { defaultReasonCodes, reasonDecisions, type ReasonCode } from "@/lib/review/reason-codes";

type Settings = { autoBlocklistDeclined: boolean; reasonCodes: ReasonCode[]; customReasonCodes: boolean };
const cell = "w-full rounded-md border-0 px-2 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

// The reasons reviewers pick for decisions (validated on the server: unique codes, a label, at least one
// decision each) and whether declined faces go on the built-in blocklist.
function ReasonCodesEditor({ initial, custom, onSave, busy }: { initial: ReasonCode[]; custom: boolean; onSave: (codes: ReasonCode[] | null) => void; busy: boolean }) {
  const [rows, setRows] = useState<ReasonCode[]>(initial);
  const change = (i: number, patch: Partial<ReasonCode>) => setRows((r) => r.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <div className="space-y-3">
      <table className="w-full text-sm" aria-label="Reason codes">
        <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="pb-2 pr-2 font-medium">Code (sent in webhooks)</th>
            <th className="pb-2 pr-2 font-medium">Label</th>
            {reasonDecisions.map((d) => (
              <th key={d} className="pb-2 pr-2 font-medium">
                {d === "Resubmitted" ? "Resubmission" : d}
              </th>
            ))}
            <th className="sr-only">Remove</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              <td className="py-1 pr-2">
                <input aria-label={`Code ${i + 1}`} className={`${cell} font-mono`} value={row.code} onChange={(e) => change(i, { code: e.target.value })} />
              </td>
              <td className="py-1 pr-2">
                <input aria-label={`Label ${i + 1}`} className={cell} value={row.label} onChange={(e) => change(i, { label: e.target.value })} />
              </td>
              {reasonDecisions.map((d) => (
                <td key={d} className="py-1 pr-2 text-center">
                  <input type="checkbox" aria-label={`${row.code || `Reason ${i + 1}`}: ${d}`} checked={row.decisions.includes(d)} onChange={(e) => change(i, { decisions: e.target.checked ? [...row.decisions, d] : row.decisions.filter((x) => x !== d) })} className="h-4 w-4 rounded border-slate-300" />
                </td>
              ))}
              <td className="py-1 text-right">
                <Button type="button" variant="ghost" onClick={() => setRows((r) => r.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => setRows((r) => [...r, { code: "", label: "", decisions: ["Declined"] }])}>
          Add a reason
        </Button>
        <Button type="button" disabled={busy} onClick={() => onSave(rows)}>
          Save reasons
        </Button>
        {custom ? (
          <Button type="button" variant="ghost" disabled={busy} onClick={() => (setRows(defaultReasonCodes), onSave(null))}>
            Restore the defaults
          </Button>
        ) : null}
      </div>
    </div>
  );
}

export function CaseDecisionSettings() {
  // reasonCodes null restores the defaults
  const { settings, save } = useApplicationSettings<Settings, { autoBlocklistDeclined?: boolean; reasonCodes?: ReasonCode[] | null }>();
  const s = settings.data;
  return (
    <Card title="Case decisions" description="The reasons reviewers choose from (required to decline or request a resubmission) and what a decline does. Changes are audited.">
      {!s ? (
        <p className="text-sm text-slate-500">Loading…</p>
      ) : (
        <div className="space-y-5">
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={s.autoBlocklistDeclined} disabled={save.isPending} onChange={(e) => save.mutate({ autoBlocklistDeclined: e.target.checked })} className="h-4 w-4 rounded border-slate-300" />
            Add the face of every declined session to the face blocklist (automatic and manual declines with a selfie)
          </label>
          <ReasonCodesEditor key={JSON.stringify(s.reasonCodes)} initial={s.reasonCodes} custom={s.customReasonCodes} onSave={(reasonCodes) => save.mutate({ reasonCodes })} busy={save.isPending} />
          <SaveOutcome save={save} />
        </div>
      )}
    </Card>
  );
}
