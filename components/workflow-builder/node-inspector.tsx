"use client";

import { TextInput } from "@/components/workflow-builder/config-fields";
import { BuilderIcon } from "@/components/workflow-builder/icons";
import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import { nodeTones } from "@/components/workflow-builder/node-tones";
import type { BuilderNode } from "@/components/workflow-builder/types";
import type { BuilderEditor } from "@/components/workflow-builder/use-builder-editor";
import { isCheckNodeType } from "@/lib/workflows/graph-rules";
import type { GraphIssue } from "@/lib/workflows/types";

// checks judged on a score against review/decline thresholds (their own, else the application's)
const SCORED = new Set(["FACE_MATCH", "LIVENESS"]);

type Props = { node: BuilderNode; issues: GraphIssue[]; editor: BuilderEditor; readOnly: boolean };

// The selected node's settings; every change is validated at once (the same zod schemas as the API).
export function NodeInspector({ node, issues, editor, readOnly }: Props) {
  const def = getNodeDefinition(node.type ?? "");
  const errorFor = (field: string) => issues.find((i) => i.field === field || i.field?.startsWith(`${field}.`))?.message;
  const formFields = new Set(["config.", "type"]);
  const general = issues.filter((i) => !i.field || ![...formFields].some((f) => i.field!.startsWith(f)));
  const isCheck = isCheckNodeType(node.type ?? "");
  return (
    <div className="space-y-4" data-testid="node-inspector">
      <div className="flex items-center gap-3">
        <span className={`flex size-9 items-center justify-center rounded-lg ${nodeTones[def?.tone ?? "slate"].icon}`}>{def?.icon}</span>
        <div className="min-w-0">
          <h2 className="truncate text-sm font-semibold text-slate-900">{node.data.label || def?.title || node.type}</h2>
          <p className="text-xs text-slate-500">{def?.description ?? "Unknown node type"}</p>
        </div>
      </div>
      {node.type !== "start" ? (
        <TextInput
          id={`${node.id}-label`}
          label="Label on the canvas"
          value={node.data.label ?? ""}
          placeholder={def?.title}
          disabled={readOnly}
          onChange={(v) => editor.updateNodeData(node.id, { label: v || undefined }, `label:${node.id}`)}
        />
      ) : null}
      {def?.ConfigForm ? (
        <def.ConfigForm nodeId={node.id} config={node.data.config} disabled={readOnly} errorFor={errorFor} onChange={(config) => editor.updateNodeData(node.id, { config }, `config:${node.id}`)} />
      ) : null}
      {isCheck ? (
        <fieldset className="space-y-1.5">
          <legend className="text-xs font-medium text-slate-700">Outputs</legend>
          {(
            [
              ["next", "One output: the result feeds the final verdict"],
              ["status", "By result: approved / review / declined"],
            ] as const
          ).map(([value, text]) => (
            <label key={value} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name={`${node.id}-routing`} checked={(node.data.routing ?? "next") === value} disabled={readOnly} onChange={() => editor.setRouting(node.id, value)} />
              {text}
            </label>
          ))}
          <p className="pt-1 text-xs leading-relaxed text-slate-500" data-testid="routing-explainer">
            {(node.data.routing ?? "next") === "next"
              ? `The result joins the verdict, and the worst status wins over the path: ${SCORED.has(node.type ?? "") ? "a score below this check's review threshold sends the session to In Review, below its decline threshold it is Declined at once" : "In Review or Declined here overrides"}, even when the path ends at Approved.`
              : "The result only picks the path: the end node the path reaches decides the status, whatever this check's thresholds were."}
          </p>
        </fieldset>
      ) : null}
      {general.length ? (
        <ul className="space-y-1 rounded-md bg-red-50 p-2.5 text-xs text-red-800 ring-1 ring-red-200">
          {general.map((i, n) => (
            <li key={n} className="flex gap-1.5">
              <BuilderIcon name="alert" className="mt-px size-3.5 shrink-0" />
              {i.message}
            </li>
          ))}
        </ul>
      ) : null}
      {!readOnly && node.type !== "start" ? (
        <button type="button" onClick={editor.deleteSelected} className="inline-flex items-center gap-1.5 text-xs font-medium text-red-700 hover:underline">
          <BuilderIcon name="trash" className="size-3.5" /> Delete node (Del)
        </button>
      ) : null}
    </div>
  );
}
