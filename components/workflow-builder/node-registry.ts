import { abSplitNode } from "@/components/workflow-builder/nodes/ab-split-node";
import { conditionNode } from "@/components/workflow-builder/nodes/condition-node";
import { deviceCheckNode } from "@/components/workflow-builder/nodes/device-check-node";
import { endApprovedNode } from "@/components/workflow-builder/nodes/end-approved-node";
import { endDeclinedNode } from "@/components/workflow-builder/nodes/end-declined-node";
import { endInReviewNode } from "@/components/workflow-builder/nodes/end-in-review-node";
import { faceListCheckNode } from "@/components/workflow-builder/nodes/face-list-check-node";
import { faceMatchNode } from "@/components/workflow-builder/nodes/face-match-node";
import { ipAnalysisNode } from "@/components/workflow-builder/nodes/ip-analysis-node";
import { livenessNode } from "@/components/workflow-builder/nodes/liveness-node";
import { startNode } from "@/components/workflow-builder/nodes/start-node";
import type { NodeDefinition } from "@/components/workflow-builder/types";
import { isNodeType } from "@/lib/workflows/graph-rules";
import type { NodeType } from "@/lib/workflows/types";

export const nodeDefinitions: Record<NodeType, NodeDefinition> = {
  start: startNode,
  LIVENESS: livenessNode,
  FACE_MATCH: faceMatchNode,
  IP_ANALYSIS: ipAnalysisNode,
  DEVICE_CHECK: deviceCheckNode,
  FACE_LIST_CHECK: faceListCheckNode,
  CONDITION: conditionNode,
  AB_SPLIT: abSplitNode,
  END_APPROVED: endApprovedNode,
  END_IN_REVIEW: endInReviewNode,
  END_DECLINED: endDeclinedNode,
};

// The palette, in the order a workflow is usually built; a workflow has one start node, so it is not offered.
export const paletteGroups: { title: NodeDefinition["group"]; items: NodeDefinition[] }[] = [
  { title: "Checks", items: [livenessNode, faceMatchNode, ipAnalysisNode, deviceCheckNode, faceListCheckNode] },
  { title: "Logic", items: [conditionNode, abSplitNode] },
  { title: "Outcomes", items: [endApprovedNode, endInReviewNode, endDeclinedNode] },
];

export function getNodeDefinition(type: string): NodeDefinition | null {
  return isNodeType(type) ? nodeDefinitions[type] : null;
}
