import { runWorkflowStep } from "@/lib/workflows/run-workflow-step";
import type { CheckResultInput, FinalStatus, WorkflowPlan, WorkflowSignals, WorkflowStep, WorkflowWarning } from "@/lib/workflows/types";

// The result a check would have given, or null when the inputs cannot tell (the check was never run).
export type SimulatedAnswer = Omit<CheckResultInput, "nodeId" | "feature"> | null;
export type CheckStep = Extract<WorkflowStep, { type: "check" }>;

export type SimulatedRun =
  | { kind: "outcome"; status: FinalStatus; endNodeId: string; pathTaken: string[]; warnings: WorkflowWarning[] }
  | { kind: "unknown"; nodeId: string; feature: string; pathTaken: string[] };

// Runs a plan to its outcome without a session: the same engine step the capture flow calls, with each
// check it asks for answered from the given inputs instead of a camera. Nothing is stored.
export function simulateWorkflowRun(input: { plan: WorkflowPlan; sessionId: string; signals?: WorkflowSignals; answer: (step: CheckStep) => SimulatedAnswer }): SimulatedRun {
  const results: CheckResultInput[] = [];
  // every answer adds a result, and a check is asked again only for another attempt (at most 5)
  const limit = Object.keys(input.plan.nodes).length * 6;
  for (let guard = 0; guard <= limit; guard++) {
    const step = runWorkflowStep({ plan: input.plan, sessionId: input.sessionId, results, signals: input.signals });
    if (step.type === "outcome") return { kind: "outcome", status: step.status, endNodeId: step.endNodeId, pathTaken: step.pathTaken, warnings: step.warnings };
    const answer = input.answer(step);
    if (!answer) return { kind: "unknown", nodeId: step.nodeId, feature: step.feature, pathTaken: step.pathTaken };
    results.push({ nodeId: step.nodeId, feature: step.feature, ...answer });
  }
  throw new Error("The simulation did not reach an outcome");
}
