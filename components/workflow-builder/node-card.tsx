"use client";

import { Handle, Position, type NodeProps } from "@xyflow/react";
import { useBuilderContext } from "@/components/workflow-builder/builder-context";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import { nodeTones, outputTones } from "@/components/workflow-builder/node-tones";
import type { BuilderNode } from "@/components/workflow-builder/types";

// The one canvas view for every node type; what differs per type comes from its definition (nodes/*).
export function NodeCard({ id, type, data, selected }: NodeProps<BuilderNode>) {
  const def = getNodeDefinition(type);
  const { issuesByNode } = useBuilderContext();
  const issues = issuesByNode.get(id) ?? [];
  const outputs = def?.outputs(data) ?? [];
  const tone = nodeTones[def?.tone ?? "slate"];
  const ring = issues.length ? "ring-2 ring-red-500 shadow-red-100" : selected ? "ring-2 ring-brand-500 shadow-brand-100" : "ring-1 ring-slate-200";
  return (
    <div
      data-testid="workflow-node"
      data-node-type={type}
      data-invalid={issues.length > 0}
      className={`relative w-60 rounded-xl bg-white shadow-md transition-shadow ${ring}`}
    >
      <div className={`h-1 rounded-t-xl ${tone.bar}`} />
      {type !== "start" ? <Handle type="target" position={Position.Top} className="builder-handle" /> : null}
      <div className="flex items-start gap-3 px-3 pt-2.5 pb-3">
        <span className={`mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-lg ${tone.icon}`}>{def?.icon ?? <BuilderIcon name="alert" />}</span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center justify-between gap-2">
            <p className="truncate text-sm font-semibold text-slate-900">{data.label || def?.title || type}</p>
            {issues.length ? (
              <span className="text-red-600" title={issues.map((i) => i.message).join("\n")}>
                <BuilderIcon name="alert" />
              </span>
            ) : null}
          </div>
          <p className="text-[10px] font-medium tracking-wide text-slate-500 uppercase">{data.label ? def?.title : def?.group === "Outcomes" ? "End" : def?.group}</p>
          <p className="mt-1 line-clamp-2 text-xs leading-snug text-slate-600">{def ? def.summary(data.config) : "Unknown node type"}</p>
        </div>
      </div>
      {issues.length ? (
        <p role="note" className="border-t border-red-100 bg-red-50 px-3 py-1.5 text-[11px] leading-snug text-red-700">
          {issues[0].message}
          {issues.length > 1 ? ` (+${issues.length - 1} more)` : ""}
        </p>
      ) : null}
      {outputs.length > 1 || (outputs.length === 1 && outputs[0].id !== "next") ? (
        <div className="grid rounded-b-xl border-t border-slate-100 bg-slate-50/70" style={{ gridTemplateColumns: `repeat(${outputs.length}, minmax(0, 1fr))` }}>
          {outputs.map((o) => (
            <span key={o.id} className={`truncate px-1 py-1 text-center text-[10px] font-semibold uppercase tracking-wide ${outputTones[o.tone ?? "slate"].text}`}>
              {o.label}
            </span>
          ))}
        </div>
      ) : null}
      {outputs.map((o, i) => (
        <Handle
          key={o.id}
          id={o.id}
          type="source"
          position={Position.Bottom}
          className="builder-handle"
          style={{ left: `${((i + 0.5) / outputs.length) * 100}%`, background: outputTones[o.tone ?? "slate"].stroke }}
          title={`${o.label} output`}
        />
      ))}
    </div>
  );
}
