import type { z } from "zod";
import type { CheckStatus } from "@/lib/sessions/statuses";
import type {
  abSplitConfigSchema,
  checkNodeTypes,
  conditionConfigSchema,
  endNodeTypes,
  featureSchema,
  graphEdgeSchema,
  graphNodeSchema,
  nodeConfigSchemas,
  nodeTypes,
  workflowTypes,
} from "@/lib/workflows/schemas";

export type NodeType = (typeof nodeTypes)[number];
export type CheckNodeType = (typeof checkNodeTypes)[number];
export type EndNodeType = (typeof endNodeTypes)[number];
export type WorkflowType = (typeof workflowTypes)[number];

export type WorkflowNode = z.output<typeof graphNodeSchema>;
export type WorkflowEdge = z.output<typeof graphEdgeSchema>;
export type WorkflowGraph = { nodes: WorkflowNode[]; edges: WorkflowEdge[] };
export type WorkflowFeature = z.output<typeof featureSchema>;

export type CheckConfig<T extends CheckNodeType = CheckNodeType> = z.output<(typeof nodeConfigSchemas)[T]>;
export type ConditionConfig = z.output<typeof conditionConfigSchema>;
export type AbSplitConfig = z.output<typeof abSplitConfigSchema>;

// One problem in a graph, addressed so the builder can mark the node (nodeId null: the graph as a whole).
export type GraphIssue = { nodeId: string | null; edgeId?: string; field?: string; message: string };

export type FinalStatus = Extract<CheckStatus, "Approved" | "In Review" | "Declined">;

export type WorkflowWarning = { risk: string; log_type?: string; short_description?: string; long_description?: string };

// Facts about the session the conditions branch on; given up front (request context) or by checks.
// device_key (reviewers' information): what the hosted page's device key proved at start.
export type DeviceKeyStatus = "registered" | "new" | "mismatch" | "invalid" | "absent";
export type WorkflowSignals = { ip_country?: string; known_device?: boolean; known_ip?: boolean; anonymous_network?: boolean; device_key?: DeviceKeyStatus };

export type CheckResultInput = {
  nodeId: string;
  feature: CheckNodeType;
  status: CheckStatus;
  score?: number | null;
  warnings?: WorkflowWarning[];
  signals?: WorkflowSignals;
};

// The compiled, immutable plan: every edge resolved to the id of the node it leads to.
export type PlanNode =
  | { id: string; kind: "start"; next: string }
  | {
      id: string;
      kind: "check";
      feature: CheckNodeType;
      config: CheckConfig;
      label?: string;
      // "next": the status feeds the running verdict; "status": it routes, and does not feed the verdict
      routing: { mode: "next"; next: string } | { mode: "status"; approved: string; review: string; declined: string };
    }
  | { id: string; kind: "condition"; condition: ConditionConfig; whenTrue: string; whenFalse: string }
  | { id: string; kind: "split"; branches: { id: string; percentage: number; next: string }[] }
  | { id: string; kind: "end"; status: FinalStatus };

export type WorkflowPlan = { readonly startNodeId: string; readonly nodes: Readonly<Record<string, Readonly<PlanNode>>> };

// The branch an A/B split node sent the session down.
export type SplitTaken = { nodeId: string; branchId: string };
// What decided an outcome: the end node the path reached, or a check (wired with "next") whose status
// was worse than that end node (pathEnd), or that declined before the path reached an end (pathEnd null).
export type OutcomeCause = { kind: "end"; nodeId: string } | { kind: "check"; nodeId: string; pathEnd: { nodeId: string; status: FinalStatus } | null };

export type WorkflowStep =
  | { type: "check"; nodeId: string; feature: CheckNodeType; config: CheckConfig; attempt: number; pathTaken: string[]; branches: SplitTaken[] }
  | { type: "outcome"; status: FinalStatus; endNodeId: string; warnings: WorkflowWarning[]; pathTaken: string[]; branches: SplitTaken[]; cause: OutcomeCause };
