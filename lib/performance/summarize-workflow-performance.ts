import { compareApprovalRates, type RateComparison } from "@/lib/performance/compare-approval-rates";

export type PerfSession = {
  id: string;
  status: string;
  version: number | null;
  createdAt: Date;
  startedAt: Date | null;
  decidedAt: Date | null;
  splitBranches: string | null;
  decidedBy: unknown;
  // the step whose challenge was open when the session stopped (its stored challenge's nodeId)
  pendingNodeId: string | null;
};
export type PerfCheck = { sessionId: string; nodeId: string; status: string };
export type PerfNode = { id: string; type: string; label?: string; config?: { branches?: { id: string; percentage: number }[] } };
export type PerfVersion = { version: number; nodes: PerfNode[] };

export type OutcomeSummary = {
  sessions: number;
  decided: number;
  approved: number;
  review: number;
  declined: number;
  approvalRate: number | null;
  reviewRate: number | null;
  declineRate: number | null;
  medianDecisionMs: number | null;
};
export type StepSummary = { nodeId: string; label: string; feature: string; reached: number; finished: number; dropped: number; retries: number };
export type BranchSummary = OutcomeSummary & { branchId: string; percentage: number | null };
export type SplitSummary = { nodeId: string; label: string; branches: BranchSummary[]; comparisons: (RateComparison & { a: string; b: string })[] };

const FEATURE_NAMES: Record<string, string> = { FACE_MATCH: "Face match", LIVENESS: "Liveness", IP_ANALYSIS: "IP analysis", DEVICE_CHECK: "Device check", FACE_LIST_CHECK: "Face lists" };
const CHECKS = new Set(Object.keys(FEATURE_NAMES));
const REVIEWER_RULES = new Set(["reviewer", "second_review"]);

// The workflow's own outcome: what its rules decided. A case a reviewer decided (or handed back) went
// through review, whatever they chose; sessions that never reached an outcome count as undecided.
function outcomeOf(s: PerfSession): "approved" | "review" | "declined" | null {
  const rule = (s.decidedBy as { rule?: string } | null)?.rule;
  if (rule && REVIEWER_RULES.has(rule)) return "review";
  if (s.status === "Approved") return "approved";
  if (s.status === "Declined") return "declined";
  if (s.status === "In Review") return "review";
  return null;
}

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarizeOutcomes(sessions: readonly PerfSession[]): OutcomeSummary {
  const counts = { approved: 0, review: 0, declined: 0 };
  const times: number[] = [];
  for (const s of sessions) {
    const outcome = outcomeOf(s);
    if (!outcome) continue;
    counts[outcome]++;
    if (s.decidedAt) times.push(s.decidedAt.getTime() - (s.startedAt ?? s.createdAt).getTime());
  }
  const decided = counts.approved + counts.review + counts.declined;
  const rate = (n: number) => (decided ? n / decided : null);
  return { sessions: sessions.length, decided, ...counts, approvalRate: rate(counts.approved), reviewRate: rate(counts.review), declineRate: rate(counts.declined), medianDecisionMs: median(times) };
}

// ",splitNodeId:branchId," pairs -> splitNodeId -> branchId
export function readSplitBranches(value: string | null): Map<string, string> {
  const taken = new Map<string, string>();
  for (const pair of (value ?? "").split(",").filter(Boolean)) {
    const at = pair.lastIndexOf(":");
    if (at > 0) taken.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return taken;
}

// Per step: sessions that reached it (a result there, or its challenge open when they stopped), those
// abandoned there without finishing it, and the retries (results beyond a session's first there).
function summarizeSteps(nodes: PerfNode[], sessions: readonly PerfSession[], checks: readonly PerfCheck[]): StepSummary[] {
  const ids = new Set(sessions.map((s) => s.id));
  const rows = new Map<string, Map<string, number>>();
  for (const c of checks) {
    if (!ids.has(c.sessionId)) continue;
    const bySession = rows.get(c.nodeId) ?? new Map<string, number>();
    bySession.set(c.sessionId, (bySession.get(c.sessionId) ?? 0) + 1);
    rows.set(c.nodeId, bySession);
  }
  const checks_ = nodes.filter((n) => CHECKS.has(n.type));
  // two unlabelled checks of one kind (one per A/B branch) are told apart by their node ids
  const nameOf = (node: PerfNode) => node.label ?? FEATURE_NAMES[node.type];
  const shared = (node: PerfNode) => checks_.filter((n) => nameOf(n) === nameOf(node)).length > 1;
  return checks_.map((node) => {
    const withResults = rows.get(node.id) ?? new Map<string, number>();
    const stuck = sessions.filter((s) => s.pendingNodeId === node.id && s.status === "Abandoned").map((s) => s.id);
    const reached = new Set([...withResults.keys(), ...stuck]);
    const retries = [...withResults.values()].reduce((sum, n) => sum + n - 1, 0);
    return { nodeId: node.id, label: shared(node) ? `${nameOf(node)} (${node.id})` : nameOf(node), feature: node.type, reached: reached.size, finished: reached.size - stuck.length, dropped: stuck.length, retries };
  });
}

// Per A/B split node: each branch's outcomes, and each branch's approval rate against the first's.
function summarizeSplits(nodes: PerfNode[], sessions: readonly PerfSession[]): SplitSummary[] {
  const taken = new Map(sessions.map((s) => [s.id, readSplitBranches(s.splitBranches)]));
  return nodes.filter((n) => n.type === "AB_SPLIT").map((node) => {
    const configured = node.config?.branches ?? [];
    const seen = new Set(sessions.map((s) => taken.get(s.id)!.get(node.id)).filter((b): b is string => Boolean(b)));
    const branchIds = [...configured.map((b) => b.id), ...[...seen].filter((id) => !configured.some((b) => b.id === id))];
    const branches = branchIds.map((branchId) => ({
      branchId,
      percentage: configured.find((b) => b.id === branchId)?.percentage ?? null,
      ...summarizeOutcomes(sessions.filter((s) => taken.get(s.id)!.get(node.id) === branchId)),
    }));
    const [first, ...others] = branches;
    const comparisons = first
      ? others.map((b) => ({ a: first.branchId, b: b.branchId, ...compareApprovalRates({ approved: first.approved, n: first.decided, label: `branch ${first.branchId}` }, { approved: b.approved, n: b.decided, label: `branch ${b.branchId}` }) }))
      : [];
    return { nodeId: node.id, label: node.label ?? "A/B split", branches, comparisons };
  });
}

// How a workflow performs: overall, per version, per step and per A/B branch. Pure: the caller reads
// the rows (get-workflow-performance.ts). Nodes are the union over versions, the newest version's
// definition winning, so a step renamed in v3 shows its v3 label.
export function summarizeWorkflowPerformance(input: { versions: readonly PerfVersion[]; sessions: readonly PerfSession[]; checks: readonly PerfCheck[] }) {
  const nodes = new Map<string, PerfNode>();
  for (const v of [...input.versions].sort((a, b) => a.version - b.version)) for (const n of v.nodes) nodes.set(n.id, n);
  const all = [...nodes.values()];
  const versionNumbers = [...new Set(input.sessions.map((s) => s.version).filter((v): v is number => v !== null))].sort((a, b) => a - b);
  return {
    overall: summarizeOutcomes(input.sessions),
    versions: versionNumbers.map((version) => ({ version, ...summarizeOutcomes(input.sessions.filter((s) => s.version === version)) })),
    steps: summarizeSteps(all, input.sessions, input.checks),
    splits: summarizeSplits(all, input.sessions),
  };
}
export type WorkflowPerformance = ReturnType<typeof summarizeWorkflowPerformance>;
