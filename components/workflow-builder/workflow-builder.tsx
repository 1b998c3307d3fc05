"use client";

import "@xyflow/react/dist/style.css";
import "@/components/workflow-builder/workflow-builder.css";
import { ReactFlowProvider } from "@xyflow/react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useState } from "react";
import { fetchJson } from "@/components/console/fetch-json";
import { BuilderCanvas } from "@/components/workflow-builder/builder-canvas";
import { BuilderContext } from "@/components/workflow-builder/builder-context";
import { BuilderPalette } from "@/components/workflow-builder/builder-palette";
import { BuilderSidePanel } from "@/components/workflow-builder/builder-side-panel";
import { BuilderToolbar } from "@/components/workflow-builder/builder-toolbar";
import { withRoutingIssues } from "@/components/workflow-builder/check-outputs";
import { downloadJson } from "@/components/workflow-builder/download-json";
import { graphToSnapshot, snapshotToGraph } from "@/components/workflow-builder/graph-conversion";
import { ImportDialog } from "@/components/workflow-builder/import-dialog";
import { PublishDialog, type Published } from "@/components/workflow-builder/publish-dialog";
import { RolloutBanner } from "@/components/workflow-builder/rollout-banner";
import { SimulatePanel } from "@/components/workflow-builder/simulate-panel";
import { highlightPath } from "@/components/workflow-builder/highlight-path";
import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import { useBuilderEditor } from "@/components/workflow-builder/use-builder-editor";
import { useBuilderShortcuts } from "@/components/workflow-builder/use-builder-shortcuts";
import { WORKFLOW_EXPORT_FORMAT } from "@/lib/workflows/console-schemas";
import type { WorkflowEditorState } from "@/lib/workflows/get-workflow-editor-state";
import type { GraphIssue, WorkflowGraph } from "@/lib/workflows/types";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";

type Props = { initial: WorkflowEditorState; readOnly: boolean };

export function WorkflowBuilder(props: Props) {
  return (
    <ReactFlowProvider>
      <Workspace {...props} />
    </ReactFlowProvider>
  );
}

const serialise = (graph: WorkflowGraph) => JSON.stringify(graph);
const nodeNameOf = (graph: WorkflowGraph, id: string) => {
  const node = graph.nodes.find((n) => n.id === id);
  return node ? `${node.label || getNodeDefinition(node.type)?.title || node.type} (${id})` : id;
};

function Workspace({ initial, readOnly }: Props) {
  const id = initial.workflow_id;
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: ["workflow", id], queryFn: () => fetchJson<WorkflowEditorState>(`/api/console/workflows/${id}`), initialData: initial });
  const editor = useBuilderEditor(initial.draft);
  useBuilderShortcuts(editor, readOnly);
  const graph = useMemo(() => snapshotToGraph(editor.present), [editor.present]);
  // the engine's own validator, run on every edit: what publishing would refuse is shown before trying
  const issues = useMemo(() => withRoutingIssues(validateWorkflowGraph(graph), editor.present.nodes), [graph, editor.present.nodes]);
  const issuesByNode = useMemo(() => {
    const map = new Map<string, GraphIssue[]>();
    for (const issue of issues) if (issue.nodeId) map.set(issue.nodeId, [...(map.get(issue.nodeId) ?? []), issue]);
    return map;
  }, [issues]);
  const [saved, setSaved] = useState(() => serialise(snapshotToGraph(graphToSnapshot(initial.draft))));
  const dirty = !readOnly && serialise(graph) !== saved;
  const [notice, setNotice] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [importing, setImporting] = useState(false);
  const [simulating, setSimulating] = useState(false);
  const [simPath, setSimPath] = useState<string[] | null>(null);
  const [publishDialogOpen, setPublishDialogOpen] = useState(false);
  const canvasSnapshot = useMemo(() => highlightPath(editor.present, simPath), [editor.present, simPath]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["workflow", id] });
  const fail = (error: Error) => setNotice({ tone: "error", text: error.message });
  const save = useMutation({
    mutationFn: (g: WorkflowGraph) => fetchJson<{ issues: GraphIssue[] }>(`/api/console/workflows/${id}/draft`, { method: "PUT", json: { graph: g } }),
    onSuccess: (_r, g) => {
      setSaved(serialise(g));
      setNotice({ tone: "ok", text: "Draft saved." });
      refresh();
    },
    onError: fail,
  });
  const onPublished = (r: Published) => {
    setSaved(serialise(graph));
    setPublishDialogOpen(false);
    setNotice({ tone: "ok", text: r.rollout_percent ? `Published version ${r.version} to ${r.rollout_percent}% of new sessions.` : `Published version ${r.version}. New sessions run it now.` });
    refresh();
  };
  const importGraph = useMutation({
    mutationFn: (g: WorkflowGraph) => fetchJson<{ graph: WorkflowGraph; issues: GraphIssue[] }>(`/api/console/workflows/${id}/import`, { method: "POST", json: g }),
    onSuccess: (r) => {
      editor.replaceGraph(r.graph);
      setSaved(serialise(snapshotToGraph(graphToSnapshot(r.graph))));
      setImporting(false);
      setNotice({ tone: r.issues.length ? "error" : "ok", text: r.issues.length ? `Imported with ${r.issues.length} problem(s) to fix.` : "Imported and saved as the draft." });
      refresh();
    },
  });

  const data = state.data ?? initial;
  const exportDraft = () =>
    downloadJson(`${data.workflow_label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-draft.json`, {
      format: WORKFLOW_EXPORT_FORMAT,
      workflow_label: data.workflow_label,
      workflow_type: data.workflow_type,
      version: null,
      exported_at: new Date().toISOString(),
      graph,
    });

  return (
    <BuilderContext.Provider value={{ issuesByNode, readOnly }}>
      <div className="flex h-full min-h-0 flex-col" data-testid="workflow-builder">
        <BuilderToolbar
          label={data.workflow_label}
          publishedVersion={data.published_version}
          dirty={dirty}
          readOnly={readOnly}
          problemCount={issues.length}
          canUndo={editor.canUndo}
          canRedo={editor.canRedo}
          saving={save.isPending}
          publishing={false /* the dialog shows its own progress */}
          simulating={simulating}
          onSimulate={() => setSimulating((on) => !on)}
          onUndo={editor.undo}
          onRedo={editor.redo}
          onLayout={editor.autoLayout}
          onExport={exportDraft}
          onImport={() => setImporting(true)}
          onSave={() => save.mutate(graph)}
          onPublish={() => setPublishDialogOpen(true)}
        />
        {notice ? (
          <div role={notice.tone === "error" ? "alert" : "status"} className={`flex items-center justify-between px-4 py-1.5 text-sm ${notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}>
            {notice.text}
            <button type="button" className="text-xs opacity-70 hover:opacity-100" onClick={() => setNotice(null)} aria-label="Dismiss">
              ✕
            </button>
          </div>
        ) : null}
        {data.rollout ? <RolloutBanner workflowId={id} rollout={data.rollout} liveVersion={data.published_version} readOnly={readOnly} onDone={(text) => { setNotice({ tone: "ok", text }); refresh(); }} onError={fail} /> : null}
        <div className="flex min-h-0 flex-1">
          <BuilderPalette readOnly={readOnly} onAdd={(type) => editor.addNode(type)} />
          <div className="min-w-0 flex-1 bg-slate-50">
            <BuilderCanvas
              snapshot={canvasSnapshot}
              issues={issues}
              readOnly={readOnly}
              onNodesChange={editor.onNodesChange}
              onEdgesChange={editor.onEdgesChange}
              onConnect={editor.onConnect}
              onDropNode={(type, position) => editor.addNode(type, position)}
              onDragStart={editor.onDragStart}
              onDragStop={editor.onDragStop}
            />
          </div>
          {simulating ? (
            <SimulatePanel
              workflowId={id}
              graph={graph}
              canRun={issues.length === 0}
              nodeName={(nodeId) => nodeNameOf(graph, nodeId)}
              onPath={setSimPath}
              onClose={() => setSimulating(false)}
            />
          ) : null}
          <BuilderSidePanel editor={editor} issues={issues} issuesByNode={issuesByNode} readOnly={readOnly} state={data} graph={graph} />
        </div>
      </div>
      {publishDialogOpen ? <PublishDialog workflowId={id} graph={graph} versions={data.versions} onClose={() => setPublishDialogOpen(false)} onPublished={onPublished} /> : null}
      {importing ? <ImportDialog pending={importGraph.isPending} serverError={importGraph.error?.message} onClose={() => setImporting(false)} onImport={(g) => importGraph.mutate(g)} /> : null}
    </BuilderContext.Provider>
  );
}
