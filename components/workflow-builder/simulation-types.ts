import type { SimulatedRunResponse } from "@/lib/workflows/to-simulated-run-response";

// What the simulate endpoint answers, as the builder's panels read it.
export type SimulatedRun = SimulatedRunResponse & { label: string };
export type SimulateInputsResult = { runs: SimulatedRun[]; warnings: { code: string; node_id: string; message: string }[] };
export type ReplayedSession = { session_id: string; session_number: number; recorded: { status: string; path_taken: string[] }; live: SimulatedRunResponse; draft: SimulatedRunResponse };
export type ReplayResult = { live_version: number | null; replayed: number; reproduced: number; unknown: number; changed: ReplayedSession[] };
