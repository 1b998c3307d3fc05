import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { diffWorkflowGraphs, isEmptyDiff } from "@/lib/workflows/diff-workflow-graphs";
import type { WorkflowGraph } from "@/lib/workflows/types";

// Publishing a graph that behaves exactly like the live version (or the one being rolled out) would
// only add an identical version to the history: refused with 409 and the version it equals. Positions
// and edge ids are layout, not behaviour, and do not count as a change.
export async function assertWorkflowChangedOrThrow(tx: Tx, input: { workflow: { publishedVersionId: string | null; rolloutVersionId: string | null }; graph: WorkflowGraph }): Promise<void> {
  const ids = [input.workflow.rolloutVersionId, input.workflow.publishedVersionId].filter((id): id is string => Boolean(id));
  if (!ids.length) return;
  const versions = await tx.workflowVersion.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, graph: true } });
  for (const id of ids) {
    const version = versions.find((v) => v.id === id);
    if (version && isEmptyDiff(diffWorkflowGraphs(version.graph as WorkflowGraph, input.graph))) {
      const what = id === input.workflow.rolloutVersionId ? " (the version being rolled out)" : "";
      throw new AppError("conflict", `Nothing changed since version ${version.version}${what}; there is nothing to publish.`, { details: { version: version.version } });
    }
  }
}
