import type { z } from "zod";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { answerFromInputs, type DefaultThresholds } from "@/lib/workflows/answer-from-inputs";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import type { simulationInputSchema } from "@/lib/workflows/console-schemas";
import { findRiskyShapes } from "@/lib/workflows/find-risky-shapes";
import { simulateWorkflowRun } from "@/lib/workflows/simulate-workflow-run";
import { toSimulatedRunResponse } from "@/lib/workflows/to-simulated-run-response";
import type { WorkflowGraph } from "@/lib/workflows/types";

type SimulationInput = z.output<typeof simulationInputSchema>;

// Runs the given graph (or the stored draft) once per sample input through the engine, without
// creating a session or storing anything. An invalid graph throws WorkflowGraphError (422 by node).
export async function simulateWorkflowInputs(db: Db, input: { applicationId: string; id: string; graph?: WorkflowGraph; inputs: SimulationInput[]; defaults: DefaultThresholds }) {
  const workflow = await db.workflow.findFirst({ where: { id: input.id, applicationId: input.applicationId, deletedAt: null }, select: { draftGraph: true } });
  if (!workflow) throw new AppError("not_found", "No workflow with this id.");
  const plan = compileWorkflowPlan(input.graph ?? (workflow.draftGraph as WorkflowGraph));
  const runs = input.inputs.map((sample, i) => {
    const signals = { known_device: sample.known_device, known_ip: sample.known_ip, anonymous_network: sample.anonymous_network, ip_country: sample.ip_country };
    const run = simulateWorkflowRun({ plan, sessionId: sample.session_id ?? `simulation-${i + 1}`, signals, answer: answerFromInputs(sample, input.defaults) });
    return { label: sample.label ?? `Input ${i + 1}`, ...toSimulatedRunResponse(run) };
  });
  return { runs, warnings: findRiskyShapes(plan).map((r) => ({ code: r.code, node_id: r.nodeId, message: r.message })) };
}
