import type { BuilderNodeData, NodeOutput } from "@/components/workflow-builder/types";

// A check either continues ("next", its result feeds the verdict) or routes by its own result.
export function checkOutputs(data: BuilderNodeData): NodeOutput[] {
  if (data.routing !== "status") return [{ id: "next", label: "next", tone: "slate" }];
  return [
    { id: "approved", label: "approved", tone: "green" },
    { id: "review", label: "review", tone: "amber" },
    { id: "declined", label: "declined", tone: "red" },
  ];
}
