"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { workflowImportSchema } from "@/lib/workflows/console-schemas";
import type { WorkflowGraph } from "@/lib/workflows/types";

// Paste or pick an exported file; its shape is checked here (and again by the server) before it
// replaces the draft. Node-level problems are then shown on the canvas like any other.
export function ImportDialog({ onImport, onClose, pending, serverError }: { onImport: (graph: WorkflowGraph) => void; onClose: () => void; pending: boolean; serverError?: string }) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      setError("This is not valid JSON.");
      return;
    }
    const parsed = workflowImportSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`Not a workflow export: ${issue?.path.join(".") || "file"}: ${issue?.message ?? "invalid"}`);
      return;
    }
    setError(null);
    onImport(parsed.data.graph);
  };
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="import-title" className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div className="w-full max-w-lg space-y-3 rounded-xl bg-white p-5 shadow-xl">
        <h2 id="import-title" className="text-base font-semibold text-slate-900">Import a workflow</h2>
        <p className="text-sm text-slate-600">Replaces the current draft (undo brings it back). Published versions are not touched.</p>
        <input
          type="file"
          accept="application/json,.json"
          aria-label="Workflow file"
          className="block w-full text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) setText(await file.text());
          }}
        />
        <textarea
          aria-label="Workflow JSON"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={10}
          placeholder='{"format": "faceid.workflow.v1", "graph": {"nodes": [...], "edges": [...]}}'
          className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-brand-600"
        />
        {error || serverError ? (
          <p role="alert" className="text-sm text-red-700">
            {error ?? serverError}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!text.trim() || pending}>
            Import
          </Button>
        </div>
      </div>
    </div>
  );
}
