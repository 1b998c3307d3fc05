"use client";

import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import { isEmptyDiff, type WorkflowGraphDiff } from "@/lib/workflows/diff-workflow-graphs";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));
const title = (n: { id: string; type: string; label?: string }) => `${n.label || getNodeDefinition(n.type)?.title || n.type} (${n.id})`;

// Added / removed / changed nodes and connections between two graphs, config changes field by field.
export function VersionDiff({ diff }: { diff: WorkflowGraphDiff }) {
  if (isEmptyDiff(diff)) return <p className="text-xs text-slate-500">No differences (node positions are ignored).</p>;
  return (
    <div className="space-y-3 text-xs" data-testid="version-diff">
      <Section title="Added nodes" tone="text-emerald-700" items={diff.addedNodes.map((n) => `+ ${title(n)}`)} />
      <Section title="Removed nodes" tone="text-rose-700" items={diff.removedNodes.map((n) => `− ${title(n)}`)} />
      {diff.changedNodes.length ? (
        <div>
          <h4 className="font-semibold text-slate-700">Changed nodes</h4>
          <ul className="mt-1 space-y-1.5">
            {diff.changedNodes.map((n) => (
              <li key={n.id} className="rounded bg-amber-50 px-2 py-1.5 ring-1 ring-amber-200">
                <span className="font-medium text-slate-800">{title(n)}</span>
                <ul className="mt-0.5 space-y-0.5 font-mono text-[11px]">
                  {n.changes.map((c) => (
                    <li key={c.field}>
                      {c.field.replace(/^config\./, "")}: <span className="text-rose-700 line-through">{show(c.before)}</span> → <span className="text-emerald-700">{show(c.after)}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Section title="Added connections" tone="text-emerald-700" items={diff.addedEdges.map((e) => `+ ${e.source} —${e.handle}→ ${e.target}`)} />
      <Section title="Removed connections" tone="text-rose-700" items={diff.removedEdges.map((e) => `− ${e.source} —${e.handle}→ ${e.target}`)} />
    </div>
  );
}

function Section({ title, tone, items }: { title: string; tone: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <div>
      <h4 className="font-semibold text-slate-700">{title}</h4>
      <ul className={`mt-1 space-y-0.5 font-mono text-[11px] ${tone}`}>
        {items.map((s) => (
          <li key={s} className="break-all">
            {s}
          </li>
        ))}
      </ul>
    </div>
  );
}
