export type Thresholds = { review: number; decline: number };
type GraphNode = { id: string; type: string; label?: string; config?: { review_threshold?: number; decline_threshold?: number } };
type AppThresholds = { faceMatchReviewThreshold: number; faceMatchDeclineThreshold: number; livenessReviewThreshold: number; livenessDeclineThreshold: number };

// The thresholds a check was judged against: its workflow node's own, else the application's defaults
// (what run-capture-checks applies). Only FACE_MATCH and LIVENESS have scores.
export function resolveCheckThresholds(input: { graph: unknown; app: AppThresholds; feature: string; data: unknown }): { thresholds: Thresholds | null; source: "workflow" | "application" } {
  const nodes = ((input.graph as { nodes?: GraphNode[] } | null)?.nodes ?? []) as GraphNode[];
  const node = nodes.find((n) => n.id === (input.data as { nodeId?: string } | null)?.nodeId);
  const a = input.app;
  const base = input.feature === "FACE_MATCH" ? { review: a.faceMatchReviewThreshold, decline: a.faceMatchDeclineThreshold } : input.feature === "LIVENESS" ? { review: a.livenessReviewThreshold, decline: a.livenessDeclineThreshold } : null;
  if (!base) return { thresholds: null, source: "application" };
  const own = node?.config?.review_threshold !== undefined || node?.config?.decline_threshold !== undefined;
  return { thresholds: { review: node?.config?.review_threshold ?? base.review, decline: node?.config?.decline_threshold ?? base.decline }, source: own ? "workflow" : "application" };
}
