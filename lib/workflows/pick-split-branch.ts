import { createHash } from "node:crypto";

// A stable bucket in [0, 100) from sha256(sessionId:nodeId): the same session always takes the same
// branch (replays and re-evaluations agree), and two splits in one workflow are independent.
export function splitBucket(sessionId: string, nodeId: string): number {
  const digest = createHash("sha256").update(`${sessionId}:${nodeId}`, "utf8").digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 100;
}

export function pickSplitBranch<B extends { percentage: number }>(branches: readonly B[], bucket: number): B {
  let upper = 0;
  for (const branch of branches) {
    upper += branch.percentage;
    if (bucket < upper) return branch;
  }
  // percentages add up to 100 and bucket < 100, so this is only reached through float rounding
  return branches.findLast((b) => b.percentage > 0) ?? branches[branches.length - 1];
}
