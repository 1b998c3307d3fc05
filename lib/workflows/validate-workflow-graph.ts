import { conditionHandles, edgeHandle, getNodeKind, isNodeType, NEXT_HANDLE, statusHandles } from "@/lib/workflows/graph-rules";
import { nodeConfigSchemas } from "@/lib/workflows/schemas";
import { sortGraphNodes } from "@/lib/workflows/sort-graph-nodes";
import type { GraphIssue, WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/lib/workflows/types";

const endHint = "every path must end in an end node";

// Every problem at once (not the first), each addressed to a node and, where it applies, an edge or a
// config field, so the builder can mark them all. An empty list means the graph can be compiled.
export function validateWorkflowGraph(graph: WorkflowGraph): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const nodes = checkNodes(graph, issues);
  const outputs = checkEdges(graph, nodes, issues);
  checkOutputs(nodes, outputs, issues);
  checkCyclesAndReachability(graph, nodes, outputs, issues);
  if (issues.length === 0) checkConditionInputs(graph, nodes, issues);
  return issues;
}

function checkNodes(graph: WorkflowGraph, issues: GraphIssue[]): Map<string, WorkflowNode> {
  const nodes = new Map<string, WorkflowNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) {
      issues.push({ nodeId: node.id, message: `Two nodes share the id "${node.id}"` });
      continue;
    }
    nodes.set(node.id, node);
    if (!isNodeType(node.type)) {
      issues.push({ nodeId: node.id, field: "type", message: `Unknown node type "${node.type}"` });
      continue;
    }
    const parsed = nodeConfigSchemas[node.type].safeParse(node.config);
    for (const issue of parsed.error?.issues ?? []) {
      issues.push({ nodeId: node.id, field: ["config", ...issue.path.map(String)].join("."), message: issue.message });
    }
  }
  const starts = graph.nodes.filter((n) => n.type === "start");
  if (starts.length === 0) issues.push({ nodeId: null, message: "Add a start node" });
  for (const extra of starts.slice(1)) issues.push({ nodeId: extra.id, message: "A workflow has exactly one start node" });
  return nodes;
}

function allowedOutputs(node: WorkflowNode): readonly string[] {
  if (!isNodeType(node.type)) return [];
  const kind = getNodeKind(node.type);
  if (kind === "start") return [NEXT_HANDLE];
  if (kind === "check") return [NEXT_HANDLE, ...statusHandles];
  if (kind === "condition") return conditionHandles;
  if (kind === "split") {
    const branches = node.config.branches;
    return Array.isArray(branches) ? branches.map((b) => (b as { id?: unknown })?.id).filter((id): id is string => typeof id === "string") : [];
  }
  return [];
}

// node id -> output handle -> edge, for the edges that are well-formed
function checkEdges(graph: WorkflowGraph, nodes: Map<string, WorkflowNode>, issues: GraphIssue[]) {
  const outputs = new Map<string, Map<string, WorkflowEdge>>();
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    const at = { nodeId: nodes.has(edge.source) ? edge.source : null, edgeId: edge.id };
    if (edgeIds.has(edge.id)) {
      issues.push({ ...at, message: `Two edges share the id "${edge.id}"` });
      continue;
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      issues.push({ ...at, message: `This edge connects to a node that does not exist ("${source ? edge.target : edge.source}")` });
      continue;
    }
    if (!isNodeType(source.type) || !isNodeType(target.type)) continue;
    if (target.type === "start") {
      issues.push({ nodeId: target.id, edgeId: edge.id, message: "Nothing may lead into the start node" });
      continue;
    }
    const handle = edgeHandle(edge);
    if (!allowedOutputs(source).includes(handle)) {
      const message = getNodeKind(source.type) === "end" ? "An end node has no outputs" : `"${handle}" is not an output of a ${source.type} node`;
      issues.push({ ...at, field: "sourceHandle", message });
      continue;
    }
    const byHandle = outputs.get(source.id) ?? new Map<string, WorkflowEdge>();
    if (byHandle.has(handle)) {
      issues.push({ ...at, field: "sourceHandle", message: `The "${handle}" output is connected more than once` });
      continue;
    }
    byHandle.set(handle, edge);
    outputs.set(source.id, byHandle);
  }
  return outputs;
}

function checkOutputs(nodes: Map<string, WorkflowNode>, outputs: Map<string, Map<string, WorkflowEdge>>, issues: GraphIssue[]) {
  for (const node of nodes.values()) {
    if (!isNodeType(node.type)) continue;
    const connected = outputs.get(node.id) ?? new Map<string, WorkflowEdge>();
    let required = allowedOutputs(node);
    if (getNodeKind(node.type) === "check") {
      const byStatus = statusHandles.some((h) => connected.has(h));
      if (byStatus && connected.has(NEXT_HANDLE)) {
        issues.push({ nodeId: node.id, message: 'Use either the "next" output or the approved/review/declined outputs, not both' });
        continue;
      }
      required = byStatus ? statusHandles : [NEXT_HANDLE];
    }
    for (const handle of required) {
      if (!connected.has(handle)) issues.push({ nodeId: node.id, field: handle, message: `Connect the "${handle}" output: ${endHint}` });
    }
  }
}

function checkCyclesAndReachability(
  graph: WorkflowGraph,
  nodes: Map<string, WorkflowNode>,
  outputs: Map<string, Map<string, WorkflowEdge>>,
  issues: GraphIssue[],
) {
  const state = new Map<string, "open" | "done">();
  const visit = (id: string) => {
    state.set(id, "open");
    for (const edge of outputs.get(id)?.values() ?? []) {
      const seen = state.get(edge.target);
      if (seen === "open") issues.push({ nodeId: edge.source, edgeId: edge.id, message: "This connection creates a loop; a workflow must not return to an earlier step" });
      else if (!seen) visit(edge.target);
    }
    state.set(id, "done");
  };
  const start = graph.nodes.find((n) => n.type === "start");
  if (!start) return;
  visit(start.id);
  for (const node of nodes.values()) {
    // an extra start node is already reported as such
    if (!state.has(node.id) && node.type !== "start") issues.push({ nodeId: node.id, message: "This node cannot be reached from the start node" });
  }
  for (const node of nodes.values()) if (!state.has(node.id)) visit(node.id);
}

// A score_range condition needs its check on every path before it, or it would silently read "false".
function checkConditionInputs(graph: WorkflowGraph, nodes: Map<string, WorkflowNode>, issues: GraphIssue[]) {
  const order = sortGraphNodes(graph) ?? [];
  const guaranteed = new Map<string, Set<string>>();
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source]);
  for (const id of order) {
    const node = nodes.get(id)!;
    const before = (incoming.get(id) ?? []).map((p) => {
      const pred = nodes.get(p)!;
      const set = new Set(guaranteed.get(p));
      if (isNodeType(pred.type) && getNodeKind(pred.type) === "check") set.add(pred.type);
      return set;
    });
    const here = before.length ? before.reduce((a, b) => new Set([...a].filter((f) => b.has(f)))) : new Set<string>();
    guaranteed.set(id, here);
    const feature = node.type === "CONDITION" && node.config.signal === "score_range" ? String(node.config.feature) : null;
    if (feature && !here.has(feature)) {
      issues.push({ nodeId: id, field: "config.feature", message: `${feature} does not run on every path before this condition; add it earlier` });
    }
  }
}
