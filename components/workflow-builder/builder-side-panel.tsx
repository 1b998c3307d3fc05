"use client";

import { useState } from "react";
import { IssuesList } from "@/components/workflow-builder/issues-list";
import { NodeInspector } from "@/components/workflow-builder/node-inspector";
import { ReviewPolicyPanel } from "@/components/workflow-builder/review-policy-panel";
import type { BuilderEditor } from "@/components/workflow-builder/use-builder-editor";
import { VersionsPanel } from "@/components/workflow-builder/versions-panel";
import type { WorkflowEditorState } from "@/lib/workflows/get-workflow-editor-state";
import type { GraphIssue, WorkflowGraph } from "@/lib/workflows/types";

type Tab = "inspect" | "problems" | "versions" | "review";
type Props = { editor: BuilderEditor; issues: GraphIssue[]; issuesByNode: ReadonlyMap<string, GraphIssue[]>; readOnly: boolean; state: WorkflowEditorState; graph: WorkflowGraph };

const shortcuts = [
  ["Undo / redo", "Ctrl+Z / Shift+Ctrl+Z"],
  ["Delete selection", "Del"],
  ["Copy / paste nodes", "Ctrl+C / Ctrl+V"],
  ["Select several", "Shift+drag"],
];

export function BuilderSidePanel({ editor, issues, issuesByNode, readOnly, state, graph }: Props) {
  const [tab, setTab] = useState<Tab>("inspect");
  const selected = editor.present.nodes.filter((n) => n.selected);
  // selecting another node (on the canvas, or from the problems list) opens it in the inspector,
  // whichever tab was showing
  const selectedId = selected.length === 1 ? selected[0].id : null;
  const [shownId, setShownId] = useState(selectedId);
  if (selectedId !== shownId) {
    setShownId(selectedId);
    if (selectedId) setTab("inspect");
  }
  const tabs: { id: Tab; label: string; count?: number }[] = [
    { id: "inspect", label: "Inspector" },
    { id: "problems", label: "Problems", count: issues.length },
    { id: "versions", label: "Versions", count: state.versions.length },
    { id: "review", label: "Review" },
  ];
  return (
    <aside aria-label="Workflow settings" className="flex w-[22rem] shrink-0 flex-col border-l border-slate-200 bg-white">
      <div role="tablist" className="flex border-b border-slate-200 px-2">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            aria-selected={tab === t.id}
            onClick={() => setTab(t.id)}
            className={`-mb-px flex items-center gap-1 border-b-2 px-2 py-2.5 text-[13px] font-medium ${tab === t.id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-800"}`}
          >
            {t.label}
            {t.count !== undefined ? (
              <span data-testid={`${t.id}-count`} className={`rounded-full px-1.5 text-[11px] ${t.id === "problems" && t.count ? "bg-red-100 text-red-700" : "bg-slate-100 text-slate-600"}`}>
                {t.count}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-4">
        {tab === "inspect" ? (
          selected.length === 1 ? (
            <NodeInspector key={selected[0].id} node={selected[0]} issues={issuesByNode.get(selected[0].id) ?? []} editor={editor} readOnly={readOnly} />
          ) : (
            <div className="space-y-4 text-sm text-slate-600">
              <p>{selected.length > 1 ? `${selected.length} nodes selected.` : "Select a node to configure it."}</p>
              <dl className="grid grid-cols-2 gap-y-1 text-xs">
                <dt className="text-slate-500">Type</dt>
                <dd className="text-slate-800">{state.workflow_type}</dd>
                <dt className="text-slate-500">Nodes / connections</dt>
                <dd className="text-slate-800">
                  {graph.nodes.length} / {graph.edges.length}
                </dd>
                <dt className="text-slate-500">Problems</dt>
                <dd className={issues.length ? "text-red-700" : "text-emerald-700"}>{issues.length || "none"}</dd>
              </dl>
              {!readOnly ? (
                <div>
                  <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-500 uppercase">Shortcuts</h3>
                  <dl className="space-y-1 text-xs">
                    {shortcuts.map(([what, keys]) => (
                      <div key={what} className="flex justify-between gap-2">
                        <dt>{what}</dt>
                        <dd className="font-mono text-slate-500">{keys}</dd>
                      </div>
                    ))}
                  </dl>
                </div>
              ) : null}
            </div>
          )
        ) : null}
        {tab === "problems" ? <IssuesList issues={issues} nodes={editor.present.nodes} onSelect={(nodeId) => { editor.selectNode(nodeId); setTab("inspect"); }} /> : null}
        {tab === "review" ? <ReviewPolicyPanel workflowId={state.workflow_id} readOnly={readOnly} /> : null}
        {tab === "versions" ? <VersionsPanel workflowId={state.workflow_id} versions={state.versions} draft={graph} readOnly={readOnly} onRestore={editor.replaceGraph} /> : null}
      </div>
    </aside>
  );
}
