"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { PriorityOptions } from "@/components/cases/case-priority";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import type { FourEyesRisk, ReviewPolicy } from "@/lib/review/review-policy";

const control = "block w-full rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-red-400";
const approvalOptions: { value: FourEyesRisk; label: string }[] = [
  { value: "off", label: "Never" },
  { value: "high", label: "High-risk cases (attack, blocklist, duplicate)" },
  { value: "medium", label: "Any case with a warning" },
  { value: "any", label: "Every approval" },
];

// How people review this workflow's cases: the SLA, the priority its cases enter the queue with and
// four-eyes. It governs the team, not the flow, so it is saved at once and is not part of a version.
export function ReviewPolicyPanel({ workflowId, readOnly }: { workflowId: string; readOnly: boolean }) {
  const url = `/api/console/workflows/${workflowId}/review-policy`;
  const policy = useQuery({ queryKey: ["review-policy", workflowId], queryFn: () => fetchJson<ReviewPolicy>(url) });
  if (policy.error) return <p role="alert" className="text-sm text-red-700">{policy.error.message}</p>;
  if (!policy.data) return <p className="text-sm text-slate-500">Loading…</p>;
  return <PolicyForm key={workflowId} url={url} workflowId={workflowId} initial={policy.data} readOnly={readOnly} />;
}

function PolicyForm({ url, workflowId, initial, readOnly }: { url: string; workflowId: string; initial: ReviewPolicy; readOnly: boolean }) {
  const client = useQueryClient();
  const [sla, setSla] = useState(initial.reviewSlaHours === null ? "" : String(initial.reviewSlaHours));
  const [priority, setPriority] = useState(initial.reviewPriority);
  const [declines, setDeclines] = useState(initial.fourEyes?.declines ?? false);
  const [approvals, setApprovals] = useState<FourEyesRisk>(initial.fourEyes?.approvalsAtRisk ?? "off");
  const slaHours = sla.trim() === "" ? null : Number(sla);
  const slaError = slaHours !== null && !(Number.isInteger(slaHours) && slaHours >= 1 && slaHours <= 24 * 90) ? "Whole hours from 1 to 2160, or empty for no SLA." : null;
  const save = useMutation({
    mutationFn: () => fetchJson<ReviewPolicy>(url, { method: "PATCH", json: { reviewSlaHours: slaHours, reviewPriority: priority, fourEyes: declines || approvals !== "off" ? { declines, approvalsAtRisk: approvals } : null } }),
    onSuccess: (data) => client.setQueryData(["review-policy", workflowId], data),
  });
  return (
    <form
      aria-label="Review policy"
      className="space-y-4 text-sm"
      onSubmit={(e) => {
        e.preventDefault();
        if (!slaError) save.mutate();
      }}
    >
      <p className="text-xs text-slate-500">Saved at once, outside the published versions. The SLA and priority apply to cases that enter review from now on; four-eyes to every decision from now on.</p>
      <div className="space-y-1">
        <label htmlFor="policy-sla" className="block text-xs font-medium text-slate-700">
          Review SLA (hours)
        </label>
        <input id="policy-sla" inputMode="numeric" placeholder="No SLA" value={sla} disabled={readOnly} aria-invalid={slaError ? true : undefined} onChange={(e) => setSla(e.target.value)} className={control} />
        <p className={`text-xs ${slaError ? "text-red-700" : "text-slate-500"}`}>{slaError ?? "A case waiting longer is overdue and shown in red in the queue."}</p>
      </div>
      <div className="space-y-1">
        <label htmlFor="policy-priority" className="block text-xs font-medium text-slate-700">
          Queue priority
        </label>
        <select id="policy-priority" value={priority} disabled={readOnly} onChange={(e) => setPriority(Number(e.target.value))} className={control}>
          <PriorityOptions />
        </select>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-700">Four-eyes (a second reviewer confirms)</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={declines} disabled={readOnly} onChange={(e) => setDeclines(e.target.checked)} className="rounded border-slate-300" />
          Every decline
        </label>
        <label htmlFor="policy-approvals" className="block text-xs text-slate-600">
          Approvals of
        </label>
        <select id="policy-approvals" value={approvals} disabled={readOnly} onChange={(e) => setApprovals(e.target.value as FourEyesRisk)} className={control}>
          {approvalOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </fieldset>
      {readOnly ? (
        <p className="text-xs text-slate-500">Admins change the review policy.</p>
      ) : (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={save.isPending || Boolean(slaError)}>
            Save review policy
          </Button>
          {save.isSuccess ? <span role="status" className="text-xs text-green-700">Saved.</span> : null}
        </div>
      )}
      {save.error ? <p role="alert" className="text-xs text-red-700">{save.error.message}</p> : null}
    </form>
  );
}
