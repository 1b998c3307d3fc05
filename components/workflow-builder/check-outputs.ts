import type { BuilderNode, BuilderNodeData, NodeOutput } from "@/components/workflow-builder/types";
import { statusHandles } from "@/lib/workflows/graph-rules";
import type { GraphIssue } from "@/lib/workflows/types";

// A check either continues ("next", its result feeds the verdict) or routes by its own result.
export function checkOutputs(data: BuilderNodeData): NodeOutput[] {
  if (data.routing !== "status") return [{ id: "next", label: "next", tone: "slate" }];
  return [
    { id: "approved", label: "approved", tone: "green" },
    { id: "review", label: "review", tone: "amber" },
    { id: "declined", label: "declined", tone: "red" },
  ];
}

// The graph carries no routing mode: the validator infers it from the edges, so a check just switched
// to "By result" (its "next" edge dropped, nothing connected yet) would still be asked for "next".
// The builder knows the mode: ask for the outputs the node shows instead.
export function withRoutingIssues(issues: GraphIssue[], nodes: readonly Pick<BuilderNode, "id" | "data">[]): GraphIssue[] {
  const byResult = new Set(nodes.filter((n) => n.data.routing === "status").map((n) => n.id));
  return issues.flatMap((issue) =>
    issue.nodeId && byResult.has(issue.nodeId) && issue.field === "next"
      ? statusHandles.map((handle) => ({ nodeId: issue.nodeId, field: handle, message: `Connect the "${handle}" output: every path must end in an end node` }))
      : [issue],
  );
}
