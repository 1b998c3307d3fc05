"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";

export type OverrideRow = { workflowId: string; workflow: string; version: number; nodeId: string; feature: string; label: string | null; review: number | null; decline: number | null };

const field = "w-16 rounded-md border-0 px-2 py-1 text-sm tabular-nums shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
// "" -> null (the application default); anything else must be a whole number 0-100
const parse = (text: string): number | null | undefined => (text.trim() === "" ? null : /^\d{1,3}$/.test(text.trim()) && Number(text) <= 100 ? Number(text) : undefined);

function OverrideEditor({ row, canEdit }: { row: OverrideRow; canEdit: boolean }) {
  const router = useRouter();
  const [review, setReview] = useState(row.review === null ? "" : String(row.review));
  const [decline, setDecline] = useState(row.decline === null ? "" : String(row.decline));
  const values = { review: parse(review), decline: parse(decline) };
  const invalid = values.review === undefined || values.decline === undefined;
  const changed = !invalid && (values.review !== row.review || values.decline !== row.decline);
  const save = useMutation({
    mutationFn: () => fetchJson<{ builder_url: string }>("/api/console/tuning/workflow-thresholds", { method: "POST", json: { workflow_id: row.workflowId, node_id: row.nodeId, review_threshold: values.review, decline_threshold: values.decline } }),
    // publishing (with its note and rollout) happens in the builder
    onSuccess: (r) => router.push(r.builder_url),
  });
  const name = `${row.workflow} ${row.label ?? row.feature}`;
  return (
    <tr data-testid={`override-${row.nodeId}`}>
      <td className="px-4 py-2.5">
        <Link href={`/workflows/${row.workflowId}`} className="font-medium text-brand-700 hover:underline">
          {row.workflow} <span className="font-normal text-slate-500">v{row.version}</span>
        </Link>
      </td>
      <td className="px-4 py-2.5 text-slate-700">{row.label ? `${row.label} (${row.feature})` : row.feature}</td>
      {canEdit ? (
        <>
          <td className="px-4 py-2.5">
            <input className={field} aria-label={`${name} review below`} placeholder="default" inputMode="numeric" value={review} onChange={(e) => setReview(e.target.value)} />
          </td>
          <td className="px-4 py-2.5">
            <input className={field} aria-label={`${name} decline below`} placeholder="default" inputMode="numeric" value={decline} onChange={(e) => setDecline(e.target.value)} />
          </td>
          <td className="px-4 py-2.5">
            <Button variant="ghost" onClick={() => save.mutate()} disabled={!changed || save.isPending}>
              Save as draft
            </Button>
            {invalid ? <p className="text-xs text-red-700">Whole numbers from 0 to 100, or empty for the default.</p> : null}
            {save.error ? <p role="alert" className="text-xs text-red-700">{save.error.message}</p> : null}
          </td>
        </>
      ) : (
        <>
          <td className="px-4 py-2.5">{row.review ?? <span className="text-slate-400">default</span>}</td>
          <td className="px-4 py-2.5">{row.decline ?? <span className="text-slate-400">default</span>}</td>
          <td />
        </>
      )}
    </tr>
  );
}

// The published workflows' own thresholds. Admins change one by saving a new draft of that workflow,
// then publish it from the builder (where they land).
export function WorkflowOverridesEditor({ rows, canEdit }: { rows: OverrideRow[]; canEdit: boolean }) {
  if (!rows.length) return <p className="text-sm text-slate-500">No published workflow has a face-match or liveness step.</p>;
  return (
    <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" aria-label="Workflow overrides">
        <thead className="bg-slate-50 text-xs uppercase text-slate-500">
          <tr>
            {["Workflow", "Step", "Review below", "Decline below", ""].map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <OverrideEditor key={`${r.workflowId}:${r.nodeId}`} row={r} canEdit={canEdit} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
