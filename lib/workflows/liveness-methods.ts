import type { LivenessMethod } from "@/lib/capture/types";

// The liveness method of each LIVENESS check of a stored workflow graph, in graph order (a check
// without one runs PASSIVE, the schema's default). `graph`: the JSON column as read.
export function livenessMethods(graph: unknown): LivenessMethod[] {
  const nodes = (graph as { nodes?: { type: string; config?: { face_liveness_method?: LivenessMethod } }[] } | null | undefined)?.nodes ?? [];
  return nodes.filter((n) => n.type === "LIVENESS").map((n) => n.config?.face_liveness_method ?? "PASSIVE");
}
