import type { SimulatedRun } from "@/lib/workflows/simulate-workflow-run";

// A simulated run as the console reads it: status null when a check could not be answered (unknown).
export function toSimulatedRunResponse(run: SimulatedRun) {
  return run.kind === "outcome"
    ? { status: run.status, end_node_id: run.endNodeId, path_taken: run.pathTaken, risks: [...new Set(run.warnings.map((w) => w.risk))], unknown: null }
    : { status: null, end_node_id: null, path_taken: run.pathTaken, risks: [], unknown: { node_id: run.nodeId, feature: run.feature } };
}

export type SimulatedRunResponse = ReturnType<typeof toSimulatedRunResponse>;
