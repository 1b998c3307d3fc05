import { worstStatus } from "@/lib/workflows/graph-rules";
import { evaluateCondition, type ConditionFacts } from "@/lib/workflows/evaluate-condition";
import { pickSplitBranch, splitBucket } from "@/lib/workflows/pick-split-branch";
import type { CheckConfig, CheckResultInput, FinalStatus, OutcomeCause, SplitTaken, WorkflowPlan, WorkflowSignals, WorkflowStep, WorkflowWarning } from "@/lib/workflows/types";

const statusHandle = { Approved: "approved", "In Review": "review", Declined: "declined" } as const;

// The engine: pure and deterministic. It replays the plan from the start against the results so far
// and answers the next check to run, or the final outcome. Rules:
// - a check without a finished result (none yet, or only "Not Finished") is the next check;
// - LIVENESS declined before max_attempts is asked for again (attempt n+1); only the last attempt counts;
// - a check wired with "next" feeds its status into the running verdict (worst wins: Declined >
//   In Review > Approved), and a Declined verdict ends the run at once; a check wired by status routes to its approved/review/declined output instead
//   and does not feed the verdict: the author decided what that status means;
// - an end node combines with the verdict, worst wins: END_APPROVED approves only if nothing worse was
//   seen, END_DECLINED always declines;
// - an A/B split takes the branch of the session's stable bucket (pick-split-branch.ts).
// The answer also says which branch each split took (`branches`), and an outcome says what decided it
// (`cause`): the end node, or the check whose status was worse than the path's end (or declined early).
// Results are matched to nodes by nodeId, in the order given (oldest first).
export function runWorkflowStep(input: {
  plan: WorkflowPlan;
  sessionId: string;
  results: readonly CheckResultInput[];
  signals?: WorkflowSignals;
}): WorkflowStep {
  const { plan, sessionId } = input;
  const byNode = groupResults(plan, input.results);
  const pathTaken: string[] = [];
  const warnings: WorkflowWarning[] = [];
  const facts: ConditionFacts = { scores: {}, signals: definedOnly(input.signals), warnings };
  const branches: SplitTaken[] = [];
  let verdict: FinalStatus = "Approved";
  // the check that set the running verdict (null while it is Approved)
  let verdictNodeId: string | null = null;
  let id = plan.startNodeId;
  const maxSteps = Object.keys(plan.nodes).length;

  for (let step = 0; step < maxSteps; step++) {
    const node = plan.nodes[id];
    pathTaken.push(id);
    switch (node.kind) {
      case "start":
        id = node.next;
        break;
      case "check": {
        const finished = (byNode.get(id) ?? []).filter((r) => r.status !== "Not Finished");
        const last = finished.at(-1);
        const maxAttempts = "max_attempts" in node.config ? node.config.max_attempts : 1;
        if (!last || (last.status === "Declined" && finished.length < maxAttempts)) {
          return { type: "check", nodeId: id, feature: node.feature, config: node.config as CheckConfig, attempt: finished.length + 1, pathTaken, branches };
        }
        const status = last.status as FinalStatus;
        warnings.push(...(last.warnings ?? []));
        facts.signals = { ...facts.signals, ...definedOnly(last.signals) };
        facts.scores[node.feature] = last.score ?? null;
        if (node.routing.mode === "next") {
          if (worstStatus(verdict, status) !== verdict) verdictNodeId = id;
          verdict = worstStatus(verdict, status);
          // nothing after this can undo a Declined verdict (worst wins, end nodes included): stop here
          // rather than ask the user for checks that cannot change the outcome
          if (verdict === "Declined") return { type: "outcome", status: "Declined", endNodeId: id, warnings, pathTaken, branches, cause: { kind: "check", nodeId: id, pathEnd: null } };
          id = node.routing.next;
        } else {
          id = node.routing[statusHandle[status]];
        }
        break;
      }
      case "condition":
        id = evaluateCondition(node.condition, facts) ? node.whenTrue : node.whenFalse;
        break;
      case "split": {
        const branch = pickSplitBranch(node.branches, splitBucket(sessionId, id));
        branches.push({ nodeId: id, branchId: branch.id });
        id = branch.next;
        break;
      }
      case "end": {
        const status = worstStatus(verdict, node.status);
        // the end node decides when it is at least as strict as every check on the way
        const cause: OutcomeCause = status === node.status || !verdictNodeId ? { kind: "end", nodeId: id } : { kind: "check", nodeId: verdictNodeId, pathEnd: { nodeId: id, status: node.status } };
        return { type: "outcome", status, endNodeId: id, warnings, pathTaken, branches, cause };
      }
    }
  }
  throw new Error("The workflow plan has no end on this path; compile plans with compileWorkflowPlan");
}

function groupResults(plan: WorkflowPlan, results: readonly CheckResultInput[]) {
  const byNode = new Map<string, CheckResultInput[]>();
  for (const result of results) {
    const node = plan.nodes[result.nodeId];
    if (node?.kind !== "check" || node.feature !== result.feature) {
      throw new Error(`Result for ${result.feature} at node "${result.nodeId}" does not match a check of this plan`);
    }
    byNode.set(result.nodeId, [...(byNode.get(result.nodeId) ?? []), result]);
  }
  return byNode;
}

function definedOnly(signals: WorkflowSignals | undefined): WorkflowSignals {
  return Object.fromEntries(Object.entries(signals ?? {}).filter(([, v]) => v !== undefined)) as WorkflowSignals;
}
