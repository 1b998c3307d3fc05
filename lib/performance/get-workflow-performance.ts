import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { summarizeWorkflowPerformance, type PerfNode } from "@/lib/performance/summarize-workflow-performance";

// The newest sessions looked at: enough for stable rates, bounded so the page stays fast at 100k sessions.
export const PERFORMANCE_WINDOW = 5000;
const ID_CHUNK = 500;

const nodeIdOf = (data: unknown) => String((data as { nodeId?: string } | null)?.nodeId ?? "");

// Reads a workflow's sessions and their check rows (plain selects, the same on SQLite and PostgreSQL)
// and summarises them (summarize-workflow-performance.ts). `version` narrows to one published version.
export async function getWorkflowPerformance(db: Db, input: { applicationId: string; workflowId: string; version?: number }) {
  const workflow = await db.workflow.findFirst({ where: { id: input.workflowId, applicationId: input.applicationId, deletedAt: null }, select: { id: true, label: true } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const versions = await db.workflowVersion.findMany({ where: { workflowId: workflow.id }, orderBy: { version: "asc" }, select: { version: true, graph: true } });
  const rows = await db.verificationSession.findMany({
    where: { applicationId: input.applicationId, workflowId: workflow.id, ...(input.version ? { workflowVersion: { version: input.version } } : {}) },
    orderBy: { createdAt: "desc" },
    take: PERFORMANCE_WINDOW,
    select: { id: true, status: true, createdAt: true, startedAt: true, decidedAt: true, splitBranches: true, decidedBy: true, challenge: true, workflowVersion: { select: { version: true } } },
  });
  const checks = [];
  for (let i = 0; i < rows.length; i += ID_CHUNK) {
    const ids = rows.slice(i, i + ID_CHUNK).map((r) => r.id);
    checks.push(...(await db.checkResult.findMany({ where: { sessionId: { in: ids } }, select: { sessionId: true, status: true, data: true } })));
  }
  const summary = summarizeWorkflowPerformance({
    versions: versions.map((v) => ({ version: v.version, nodes: ((v.graph as { nodes?: PerfNode[] } | null)?.nodes ?? []) as PerfNode[] })),
    sessions: rows.map((r) => ({
      id: r.id,
      status: r.status,
      version: r.workflowVersion?.version ?? null,
      createdAt: r.createdAt,
      startedAt: r.startedAt,
      decidedAt: r.decidedAt,
      splitBranches: r.splitBranches,
      decidedBy: r.decidedBy,
      pendingNodeId: (r.challenge as { nodeId?: string } | null)?.nodeId ?? null,
    })),
    checks: checks.map((c) => ({ sessionId: c.sessionId, nodeId: nodeIdOf(c.data), status: c.status })),
  });
  return { workflow, windowSize: PERFORMANCE_WINDOW, truncated: rows.length === PERFORMANCE_WINDOW, versionNumbers: versions.map((v) => v.version), ...summary };
}
