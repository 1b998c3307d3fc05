import type { Db } from "@/lib/db";

type SplitNode = { id: string; type: string; label?: string; config?: { branches?: { id: string; percentage: number }[] } };

// The A/B branches a workflow's versions define, as the sessions filter offers them ("splitNodeId:branchId").
export async function listWorkflowBranches(db: Db, input: { applicationId: string; workflowId: string }) {
  const versions = await db.workflowVersion.findMany({ where: { workflowId: input.workflowId, workflow: { applicationId: input.applicationId } }, orderBy: { version: "desc" }, select: { graph: true } });
  const options = new Map<string, string>();
  for (const v of versions) {
    for (const node of ((v.graph as { nodes?: SplitNode[] } | null)?.nodes ?? []).filter((n) => n.type === "AB_SPLIT")) {
      for (const b of node.config?.branches ?? []) {
        const value = `${node.id}:${b.id}`;
        if (!options.has(value)) options.set(value, `${node.label ?? "A/B split"} · ${b.id} (${b.percentage} %)`);
      }
    }
  }
  return [...options].map(([value, label]) => ({ value, label }));
}
