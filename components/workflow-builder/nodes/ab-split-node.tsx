"use client";

import { NumberInput, TextInput } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import type { ConfigFormProps, NodeDefinition } from "@/components/workflow-builder/types";

type Branch = { id: string; label?: string; percentage: number };

const branchesOf = (config: Record<string, unknown>): Branch[] => (Array.isArray(config.branches) ? (config.branches as Branch[]) : []);

// Branch ids are the node's output handles, so they are generated and never edited (edges keep working).
function nextBranchId(branches: Branch[]): string {
  for (let i = 0; ; i++) {
    const id = String.fromCharCode(97 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : "");
    if (!branches.some((b) => b.id === id)) return id;
  }
}

function AbSplitForm({ nodeId, config, onChange, errorFor, disabled }: ConfigFormProps) {
  const branches = branchesOf(config);
  const update = (next: Branch[]) => onChange({ ...config, branches: next });
  const total = branches.reduce((s, b) => s + (Number(b.percentage) || 0), 0);
  return (
    <div className="space-y-3">
      {branches.map((b, i) => (
        <div key={b.id} className="grid grid-cols-[1fr_5.5rem_auto] items-end gap-2">
          <TextInput id={`${nodeId}-branch-${b.id}-label`} label={`Branch ${b.id.toUpperCase()} label`} value={b.label ?? ""} placeholder={`Variant ${b.id.toUpperCase()}`} disabled={disabled} onChange={(v) => update(branches.map((x, j) => (j === i ? { ...x, label: v || undefined } : x)))} />
          <NumberInput id={`${nodeId}-branch-${b.id}-pct`} label="%" value={b.percentage} min={0} max={100} disabled={disabled} onChange={(v) => update(branches.map((x, j) => (j === i ? { ...x, percentage: v ?? 0 } : x)))} />
          <button type="button" className="mb-1 rounded px-1.5 py-1 text-xs text-slate-500 hover:bg-slate-100 disabled:opacity-40" disabled={disabled || branches.length <= 2} onClick={() => update(branches.filter((_, j) => j !== i))} aria-label={`Remove branch ${b.id.toUpperCase()}`}>
            ✕
          </button>
        </div>
      ))}
      <div className="flex items-center justify-between text-xs">
        <span className={total === 100 ? "text-slate-500" : "font-medium text-red-700"}>Total {total}%</span>
        <button type="button" className="font-medium text-brand-700 hover:underline disabled:opacity-40" disabled={disabled || branches.length >= 10} onClick={() => update([...branches, { id: nextBranchId(branches), percentage: 0 }])}>
          + Add branch
        </button>
      </div>
      {errorFor("config.branches") ? <p className="text-xs text-red-700">{errorFor("config.branches")}</p> : null}
    </div>
  );
}

export const abSplitNode: NodeDefinition = {
  type: "AB_SPLIT",
  title: "A/B split",
  description: "Send a share of sessions down each branch",
  group: "Logic",
  tone: "fuchsia",
  icon: <BuilderIcon name="split" />,
  defaultConfig: () => ({ branches: [{ id: "a", percentage: 50 }, { id: "b", percentage: 50 }] }),
  summary: (c) => branchesOf(c).map((b) => `${b.label || b.id.toUpperCase()} ${b.percentage}%`).join(" · "),
  outputs: (data) => branchesOf(data.config).map((b) => ({ id: b.id, label: `${b.label || b.id.toUpperCase()} ${b.percentage}%`, tone: "violet" as const })),
  ConfigForm: AbSplitForm,
};
