import { edgeHandle, endStatus, getNodeKind, NEXT_HANDLE } from "@/lib/workflows/graph-rules";
import { abSplitConfigSchema, conditionConfigSchema, nodeConfigSchemas } from "@/lib/workflows/schemas";
import type { CheckConfig, CheckNodeType, EndNodeType, NodeType, PlanNode, WorkflowGraph, WorkflowPlan } from "@/lib/workflows/types";
import { validateWorkflowGraph } from "@/lib/workflows/validate-workflow-graph";
import { WorkflowGraphError } from "@/lib/workflows/workflow-graph-error";

// Validated graph -> immutable plan: configs parsed with their defaults filled in, every output resolved
// to the node it leads to, positions and labels of non-check nodes dropped. Throws WorkflowGraphError.
export function compileWorkflowPlan(graph: WorkflowGraph): WorkflowPlan {
  const issues = validateWorkflowGraph(graph);
  if (issues.length) throw new WorkflowGraphError(issues);

  const targets = new Map<string, Map<string, string>>();
  for (const edge of graph.edges) {
    const byHandle = targets.get(edge.source) ?? new Map<string, string>();
    byHandle.set(edgeHandle(edge), edge.target);
    targets.set(edge.source, byHandle);
  }
  const out = (id: string, handle: string) => targets.get(id)!.get(handle)!;

  const nodes: Record<string, PlanNode> = {};
  let startNodeId = "";
  for (const node of graph.nodes) {
    const type = node.type as NodeType;
    const kind = getNodeKind(type);
    const { id } = node;
    if (kind === "start") {
      startNodeId = id;
      nodes[id] = { id, kind, next: out(id, NEXT_HANDLE) };
    } else if (kind === "check") {
      const feature = type as CheckNodeType;
      const config = nodeConfigSchemas[feature].parse(node.config) as CheckConfig;
      const routing = targets.get(id)!.has(NEXT_HANDLE)
        ? { mode: "next" as const, next: out(id, NEXT_HANDLE) }
        : { mode: "status" as const, approved: out(id, "approved"), review: out(id, "review"), declined: out(id, "declined") };
      nodes[id] = { id, kind, feature, config, routing, ...(node.label ? { label: node.label } : {}) };
    } else if (kind === "condition") {
      nodes[id] = { id, kind, condition: conditionConfigSchema.parse(node.config), whenTrue: out(id, "true"), whenFalse: out(id, "false") };
    } else if (kind === "split") {
      const { branches } = abSplitConfigSchema.parse(node.config);
      nodes[id] = { id, kind, branches: branches.map((b) => ({ id: b.id, percentage: b.percentage, next: out(id, b.id) })) };
    } else {
      nodes[id] = { id, kind, status: endStatus[type as EndNodeType] };
    }
  }
  return deepFreeze({ startNodeId, nodes });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
