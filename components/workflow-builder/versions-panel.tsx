"use client";

import { useMemo, useState } from "react";
import { formatDateTime } from "@/components/console/format-date";
import { Badge } from "@/components/ui/badge";
import { SelectInput } from "@/components/workflow-builder/config-fields";
import { VersionDiff } from "@/components/workflow-builder/version-diff";
import { diffWorkflowGraphs } from "@/lib/workflows/diff-workflow-graphs";
import type { WorkflowVersionSummary } from "@/lib/workflows/get-workflow-editor-state";
import type { WorkflowGraph } from "@/lib/workflows/types";

type Props = { workflowId: string; versions: WorkflowVersionSummary[]; draft: WorkflowGraph; readOnly: boolean; onRestore: (graph: WorkflowGraph) => void };

// Published versions are immutable; any two (or one and the current draft) can be compared.
export function VersionsPanel({ workflowId, versions, draft, readOnly, onRestore }: Props) {
  const [from, setFrom] = useState(() => String(versions[1]?.version ?? versions[0]?.version ?? "draft"));
  const [to, setTo] = useState(() => (versions.length > 1 ? String(versions[0].version) : "draft"));
  const graphOf = (key: string) => (key === "draft" ? draft : versions.find((v) => String(v.version) === key)?.graph);
  const a = graphOf(from);
  const b = graphOf(to);
  const diff = useMemo(() => (a && b ? diffWorkflowGraphs(a, b) : null), [a, b]);
  const options = [{ value: "draft", label: "Current draft" }, ...versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))];
  return (
    <div className="space-y-4" data-testid="versions-panel">
      {versions.length === 0 ? <p className="text-sm text-slate-500">Not published yet. Publishing creates version 1.</p> : null}
      <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200">
        {versions.map((v) => (
          <li key={v.version} className="flex items-center justify-between gap-2 px-3 py-2">
            <div className="min-w-0">
              <p className="flex items-center gap-2 text-sm font-medium text-slate-900">
                Version {v.version} {v.published ? <Badge tone="green">Live</Badge> : null}
                {v.rolling_out ? <Badge tone="blue">Rolling out</Badge> : null}
              </p>
              <p className="truncate text-xs text-slate-500">
                {formatDateTime(v.created_at)}
                {v.created_by ? ` · ${v.created_by}` : " · API"}
              </p>
              {v.note ? <p className="text-xs break-words text-slate-700" data-testid="version-note">{v.note}</p> : null}
            </div>
            <div className="flex shrink-0 gap-2 text-xs">
              <a className="font-medium text-brand-700 hover:underline" href={`/api/console/workflows/${workflowId}/export?version=${v.version}`} download>
                JSON
              </a>
              {!readOnly ? (
                <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => onRestore(v.graph)}>
                  Restore
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {versions.length ? (
        <div className="space-y-3">
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Compare</h3>
          <div className="grid grid-cols-2 gap-2">
            <SelectInput id="diff-from" label="From" value={from} options={options} onChange={setFrom} />
            <SelectInput id="diff-to" label="To" value={to} options={options} onChange={setTo} />
          </div>
          {diff ? <VersionDiff diff={diff} /> : null}
        </div>
      ) : null}
    </div>
  );
}
