"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { Button } from "@/components/ui/button";
import { ReplaySummary } from "@/components/workflow-builder/simulate-panel";
import type { ReplayResult } from "@/components/workflow-builder/simulation-types";
import { VersionDiff } from "@/components/workflow-builder/version-diff";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { diffWorkflowGraphs, isEmptyDiff } from "@/lib/workflows/diff-workflow-graphs";
import { findRiskyShapes } from "@/lib/workflows/find-risky-shapes";
import type { WorkflowVersionSummary } from "@/lib/workflows/get-workflow-editor-state";
import type { WorkflowGraph } from "@/lib/workflows/types";

export type Published = { version: number; rollout_percent: number | null };
type Props = { workflowId: string; graph: WorkflowGraph; versions: WorkflowVersionSummary[]; onClose: () => void; onPublished: (r: Published) => void };

// Publishing is deliberate: a note for the history, the diff against the live version, what the replay
// of recent sessions says would change, risky shapes to acknowledge, and an optional gradual rollout.
export function PublishDialog({ workflowId, graph, versions, onClose, onPublished }: Props) {
  const live = versions.find((v) => v.published);
  const rolling = versions.find((v) => v.rolling_out);
  const [note, setNote] = useState("");
  const [gradual, setGradual] = useState(false);
  const [percent, setPercent] = useState("50");
  const [acknowledged, setAcknowledged] = useState(false);
  const diff = useMemo(() => (live ? diffWorkflowGraphs(live.graph, graph) : null), [live, graph]);
  const unchanged = [live, rolling].find((v) => v && isEmptyDiff(diffWorkflowGraphs(v.graph, graph)));
  const warnings = useMemo(() => {
    try {
      return findRiskyShapes(compileWorkflowPlan(graph));
    } catch {
      // an invalid draft cannot be published anyway; the Problems tab lists why
      return [];
    }
  }, [graph]);
  const replay = useQuery({
    queryKey: ["replay", workflowId, JSON.stringify(graph)],
    queryFn: () => fetchJson<ReplayResult>(`/api/console/workflows/${workflowId}/simulate`, { method: "POST", json: { graph, replay: { limit: 50 } } }),
    enabled: Boolean(live) && !unchanged,
  });
  const publish = useMutation({
    mutationFn: () =>
      fetchJson<Published>(`/api/console/workflows/${workflowId}/publish`, {
        method: "POST",
        json: { graph, note, acknowledge_warnings: acknowledged, ...(gradual && live ? { rollout_percent: Number(percent) } : {}) },
      }),
    onSuccess: onPublished,
  });
  const percentOk = !gradual || (Number.isInteger(Number(percent)) && Number(percent) >= 1 && Number(percent) <= 99);
  const canPublish = !unchanged && note.trim().length > 0 && (!warnings.length || acknowledged) && percentOk && !publish.isPending;
  const next = (versions[0]?.version ?? 0) + 1;

  return (
    <div role="dialog" aria-modal="true" aria-labelledby="publish-title" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div className="flex max-h-[92vh] w-full max-w-2xl flex-col gap-4 overflow-y-auto rounded-xl bg-white p-5 shadow-xl" data-testid="publish-dialog">
        <h2 id="publish-title" className="text-base font-semibold text-slate-900">Publish version {next}</h2>
        {unchanged ? (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            Nothing changed since version {unchanged.version}; there is nothing to publish.
          </p>
        ) : null}
        <section className="space-y-2">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{live ? `Changes against live version ${live.version}` : "First version"}</h3>
          {diff ? <VersionDiff diff={diff} /> : <p className="text-xs text-slate-500">Nothing is live yet: this version goes live for every new session.</p>}
        </section>
        {live && !unchanged ? (
          <section className="space-y-2">
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Recent sessions replayed</h3>
            {replay.isPending ? <p className="text-xs text-slate-500">Replaying the last 50 sessions…</p> : null}
            {replay.error ? <p className="text-xs text-red-700">{replay.error.message}</p> : null}
            {replay.data ? <ReplaySummary result={replay.data} /> : null}
          </section>
        ) : null}
        {warnings.length ? (
          <section className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200" data-testid="publish-warnings">
            <h3 className="text-sm font-semibold text-amber-900">{warnings.length} warning(s)</h3>
            <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
              {warnings.map((w) => <li key={`${w.code}-${w.nodeId}`}>{w.message} <span className="font-mono text-xs">({w.nodeId})</span></li>)}
            </ul>
            <label className="flex items-center gap-2 text-sm font-medium text-amber-900">
              <input type="checkbox" className="size-4" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
              Publish anyway: I have checked these warnings
            </label>
          </section>
        ) : null}
        <label className="block text-sm font-medium text-slate-700">
          Note (required): what changed and why
          <textarea aria-label="Version note" rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} className="mt-1 block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600" />
        </label>
        {live ? (
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <label className="flex items-center gap-2">
              <input type="checkbox" className="size-4" checked={gradual} onChange={(e) => setGradual(e.target.checked)} />
              Roll out gradually
            </label>
            {gradual ? (
              <label className="flex items-center gap-2">
                to
                <input aria-label="Rollout percentage" type="number" min={1} max={99} value={percent} onChange={(e) => setPercent(e.target.value)} className="w-20 rounded-md border-0 px-2 py-1 ring-1 ring-slate-300 ring-inset" />% of new sessions; version {live.version} keeps the rest
              </label>
            ) : null}
          </div>
        ) : null}
        {publish.error ? <p role="alert" className="text-sm text-red-700">{publish.error.message}</p> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button onClick={() => publish.mutate()} disabled={!canPublish}>{publish.isPending ? "Publishing…" : gradual && live ? `Publish to ${percent}%` : "Publish"}</Button>
        </div>
      </div>
    </div>
  );
}
