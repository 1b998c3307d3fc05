import { splitBucket } from "@/lib/workflows/pick-split-branch";

export type RolloutState = { workflowId: string; publishedVersionId: string | null; rolloutVersionId: string | null; rolloutPercent: number | null };

// Which version a new session runs while a rollout is under way: rolloutPercent % of sessions (by the
// same stable sha256 bucket as A/B splits, keyed "rollout:<workflowId>" so it is independent of any
// split inside the graph) get the rollout version, the rest stay on the published one.
export function pickRolloutVersion(input: RolloutState & { sessionId: string }): string | null {
  const { rolloutVersionId, rolloutPercent, publishedVersionId } = input;
  if (!rolloutVersionId || !rolloutPercent || rolloutPercent <= 0) return publishedVersionId;
  if (!publishedVersionId || rolloutPercent >= 100) return rolloutVersionId;
  return splitBucket(input.sessionId, `rollout:${input.workflowId}`) < rolloutPercent ? rolloutVersionId : publishedVersionId;
}
