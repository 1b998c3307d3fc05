"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { BuilderIcon, type IconName } from "@/components/workflow-builder/icons";

type Props = {
  label: string;
  publishedVersion: number | null;
  dirty: boolean;
  readOnly: boolean;
  problemCount: number;
  canUndo: boolean;
  canRedo: boolean;
  saving: boolean;
  publishing: boolean;
  simulating: boolean;
  onSimulate: () => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onExport: () => void;
  onImport: () => void;
  onSave: () => void;
  onPublish: () => void;
};

function IconButton({ icon, label, onClick, disabled, shortcut }: { icon: IconName; label: string; onClick: () => void; disabled?: boolean; shortcut?: string }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      onClick={onClick}
      disabled={disabled}
      className="inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-35 disabled:hover:bg-transparent"
    >
      <BuilderIcon name={icon} />
    </button>
  );
}

const Divider = () => <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />;

export function BuilderToolbar(p: Props): ReactNode {
  return (
    <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2.5">
      <div className="flex min-w-0 items-center gap-3">
        <Link href="/workflows" className="text-sm text-slate-500 hover:text-slate-800">
          Workflows
        </Link>
        <span className="text-slate-300">/</span>
        <h1 className="truncate text-base font-semibold text-slate-900">{p.label}</h1>
        {p.publishedVersion ? <Badge tone="green">Live: v{p.publishedVersion}</Badge> : <Badge>Not published</Badge>}
        {p.readOnly ? <Badge tone="amber">Read-only</Badge> : p.dirty ? <Badge tone="blue">Unsaved changes</Badge> : <span className="text-xs text-slate-500">Draft saved</span>}
      </div>
      <div className="flex items-center gap-1">
        {!p.readOnly ? (
          <>
            <IconButton icon="undo" label="Undo" shortcut="Ctrl+Z" onClick={p.onUndo} disabled={!p.canUndo} />
            <IconButton icon="redo" label="Redo" shortcut="Shift+Ctrl+Z" onClick={p.onRedo} disabled={!p.canRedo} />
            <IconButton icon="layout" label="Auto-layout" onClick={p.onLayout} />
            <Divider />
            <IconButton icon="upload" label="Import JSON" onClick={p.onImport} />
          </>
        ) : null}
        <IconButton icon="download" label="Export JSON" onClick={p.onExport} />
        {!p.readOnly ? (
          <>
            <Divider />
            <Button variant={p.simulating ? "primary" : "ghost"} onClick={p.onSimulate} aria-pressed={p.simulating} title="Try the draft on sample inputs or recent sessions">
              Simulate
            </Button>
            <Button variant="secondary" onClick={p.onSave} disabled={p.saving || !p.dirty}>
              {p.saving ? "Saving…" : "Save draft"}
            </Button>
            <Button onClick={p.onPublish} disabled={p.publishing || p.problemCount > 0} title={p.problemCount ? `Fix ${p.problemCount} problem(s) first` : "Publish a new version"}>
              {p.publishing ? "Publishing…" : "Publish"}
            </Button>
          </>
        ) : null}
      </div>
    </header>
  );
}
