"use client";

import { BuilderIcon } from "@/components/workflow-builder/icons";
import { getNodeDefinition } from "@/components/workflow-builder/node-registry";
import type { BuilderNode } from "@/components/workflow-builder/types";
import type { GraphIssue } from "@/lib/workflows/types";

// Every problem the validator found; pressing one selects and centres its node.
export function IssuesList({ issues, nodes, onSelect }: { issues: GraphIssue[]; nodes: BuilderNode[]; onSelect: (nodeId: string) => void }) {
  if (!issues.length) {
    return (
      <p className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200" data-testid="no-problems">
        <BuilderIcon name="check" /> No problems: ready to publish.
      </p>
    );
  }
  const nameOf = (id: string | null) => {
    const node = id ? nodes.find((n) => n.id === id) : undefined;
    return node ? node.data.label || getNodeDefinition(node.type ?? "")?.title || node.type : "Workflow";
  };
  return (
    <ul className="space-y-1.5" aria-label="Problems" data-testid="problems-list">
      {issues.map((issue, i) => (
        <li key={i}>
          <button
            type="button"
            disabled={!issue.nodeId}
            onClick={() => issue.nodeId && onSelect(issue.nodeId)}
            className="w-full rounded-md px-2.5 py-2 text-left ring-1 ring-red-200 hover:bg-red-50 disabled:cursor-default"
          >
            <span className="block text-xs font-semibold text-slate-900">{nameOf(issue.nodeId)}</span>
            <span className="block text-xs text-red-700">{issue.message}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
