import { checkNodeTypes, endNodeTypes, nodeTypes } from "@/lib/workflows/schemas";
import type { CheckNodeType, EndNodeType, FinalStatus, NodeType, WorkflowEdge } from "@/lib/workflows/types";

// Which outputs each node type has. Shared by the validator, the compiler and (later) the builder.
export type NodeKind = "start" | "check" | "condition" | "split" | "end";

export const NEXT_HANDLE = "next";
export const statusHandles = ["approved", "review", "declined"] as const;
export const conditionHandles = ["true", "false"] as const;

export const endStatus: Record<EndNodeType, FinalStatus> = {
  END_APPROVED: "Approved",
  END_IN_REVIEW: "In Review",
  END_DECLINED: "Declined",
};

export function isNodeType(type: string): type is NodeType {
  return (nodeTypes as readonly string[]).includes(type);
}

export function isCheckNodeType(type: string): type is CheckNodeType {
  return (checkNodeTypes as readonly string[]).includes(type);
}

export function getNodeKind(type: NodeType): NodeKind {
  if (type === "start") return "start";
  if (type === "CONDITION") return "condition";
  if (type === "AB_SPLIT") return "split";
  if ((endNodeTypes as readonly string[]).includes(type)) return "end";
  return "check";
}

// xyflow leaves sourceHandle null on a node's only output; for start and check nodes that is "next".
export function edgeHandle(edge: Pick<WorkflowEdge, "sourceHandle">): string {
  return edge.sourceHandle ?? NEXT_HANDLE;
}

// Worst status wins: Declined > In Review > Approved (the same rule the standalone checks use).
export { worstStatus } from "@/lib/verification/decide-score-status";
