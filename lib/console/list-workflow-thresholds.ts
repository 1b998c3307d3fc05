import type { Db } from "@/lib/db";

type GraphNode = { id: string; type: string; label?: string; config?: { review_threshold?: number; decline_threshold?: number } };

// Face-match and liveness nodes of each workflow's published version, with the thresholds they set
// themselves (a node without its own uses the application defaults).
export async function listWorkflowThresholds(db: Db, input: { applicationId: string }) {
  const workflows = await db.workflow.findMany({ where: { applicationId: input.applicationId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { id: true, label: true, publishedVersionId: true } });
  const versions = await db.workflowVersion.findMany({ where: { id: { in: workflows.map((w) => w.publishedVersionId).filter((v): v is string => Boolean(v)) } }, select: { id: true, version: true, graph: true } });
  return workflows.flatMap((w) => {
    const version = versions.find((v) => v.id === w.publishedVersionId);
    const nodes = ((version?.graph as { nodes?: GraphNode[] } | null)?.nodes ?? []).filter((n) => n.type === "FACE_MATCH" || n.type === "LIVENESS");
    return nodes.map((n) => ({
      workflowId: w.id,
      workflow: w.label,
      version: version!.version,
      nodeId: n.id,
      feature: n.type,
      label: n.label ?? null,
      review: n.config?.review_threshold ?? null,
      decline: n.config?.decline_threshold ?? null,
    }));
  });
}
