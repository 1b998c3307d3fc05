import type { CheckNodeType, FinalStatus, OutcomeCause, WorkflowPlan } from "@/lib/workflows/types";

type PathEnd = { nodeId: string; status: FinalStatus } | null;

// Which rule gave a session its final status, stored with the status (VerificationSession.decidedBy)
// and returned by the decision API as `decided_by`.
export type DecidedBy =
  | { rule: "end_node"; nodeId: string; status: FinalStatus }
  | { rule: "check_threshold"; nodeId: string; check: CheckNodeType; label?: string; score: number; threshold: number; kind: "review" | "decline"; source: "workflow" | "application"; pathEnd: PathEnd }
  | { rule: "check_result"; nodeId: string; check: CheckNodeType; label?: string; status: FinalStatus; warnings: string[]; pathEnd: PathEnd }
  | { rule: "list_hit"; nodeId: string; status: FinalStatus; warnings: string[]; pathEnd: PathEnd }
  | { rule: "step_up_skip"; reason: string }
  | { rule: "reviewer"; status: string; reviewerId: string | null; actor: string; reviewId: string }
  | { rule: "second_review"; status: string; reviewerId: string | null; confirmedById: string; reviewId: string }
  | { rule: "expired" }
  | { rule: "abandoned" };

export type DecisiveCheck = { nodeId: string; status: string; score: number | null; thresholds: { review: number; decline: number } | null; warnings: { risk: string }[] };

// Turns the engine's cause (run-workflow-step.ts) into the stored rule. `checks` are this round's
// results, oldest first: the last one of the deciding node is the one that counted. A scored check
// below its threshold names the threshold and whether the workflow set it or the application default
// applied; any other status (a failed burst, an anonymiser, a new device) names its warnings.
export function deriveDecidedBy(input: { plan: WorkflowPlan; cause: OutcomeCause; checks: readonly DecisiveCheck[] }): DecidedBy {
  const { plan, cause } = input;
  const node = plan.nodes[cause.nodeId];
  if (cause.kind === "end" || node?.kind !== "check") {
    return { rule: "end_node", nodeId: cause.nodeId, status: node?.kind === "end" ? node.status : "Approved" };
  }
  const last = input.checks.filter((c) => c.nodeId === cause.nodeId).at(-1);
  const status = (last?.status ?? "Declined") as FinalStatus;
  const warnings = (last?.warnings ?? []).map((w) => w.risk);
  const label = node.label ? { label: node.label } : {};
  if (node.feature === "FACE_LIST_CHECK") return { rule: "list_hit", nodeId: node.id, status, warnings, pathEnd: cause.pathEnd };
  if (last && last.score !== null && last.thresholds) {
    const kind = status === "Declined" ? "decline" : "review";
    const threshold = last.thresholds[kind];
    const config = node.config as { review_threshold?: number; decline_threshold?: number };
    const own = kind === "review" ? config.review_threshold : config.decline_threshold;
    if (last.score < threshold) {
      return { rule: "check_threshold", nodeId: node.id, check: node.feature, ...label, score: last.score, threshold, kind, source: own === undefined ? "application" : "workflow", pathEnd: cause.pathEnd };
    }
  }
  return { rule: "check_result", nodeId: node.id, check: node.feature, ...label, status, warnings, pathEnd: cause.pathEnd };
}
