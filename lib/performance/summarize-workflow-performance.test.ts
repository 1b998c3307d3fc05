import { describe, expect, it } from "vitest";
import { compareApprovalRates } from "@/lib/performance/compare-approval-rates";
import { median, readSplitBranches, summarizeWorkflowPerformance, type PerfSession } from "@/lib/performance/summarize-workflow-performance";

const t0 = new Date("2026-12-01T10:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
let n = 0;
const session = (over: Partial<PerfSession>): PerfSession => ({ id: `s${++n}`, status: "Approved", version: 1, createdAt: t0, startedAt: t0, decidedAt: at(60), splitBranches: null, decidedBy: { rule: "end_node" }, pendingNodeId: null, ...over });
const nodes = [
  { id: "start", type: "start" },
  { id: "ab", type: "AB_SPLIT", label: "Liveness method", config: { branches: [{ id: "a", percentage: 50 }, { id: "b", percentage: 50 }] } },
  { id: "live", type: "LIVENESS" },
  { id: "match", type: "FACE_MATCH", label: "Match to ID" },
  { id: "ok", type: "END_APPROVED" },
];

describe("summarizeWorkflowPerformance", () => {
  const sessions = [
    session({ splitBranches: ",ab:a,", decidedAt: at(30) }),
    session({ splitBranches: ",ab:a,", status: "In Review", decidedAt: at(90), decidedBy: { rule: "check_threshold" } }),
    // reviewed and approved by a person: the workflow sent it to review
    session({ splitBranches: ",ab:b,", status: "Approved", decidedAt: at(600), decidedBy: { rule: "reviewer" }, version: 2 }),
    session({ splitBranches: ",ab:b,", status: "Declined", decidedAt: at(45), version: 2 }),
    // abandoned at the liveness step after a failed attempt
    session({ splitBranches: ",ab:b,", status: "Abandoned", decidedAt: at(1800), decidedBy: { rule: "abandoned" }, pendingNodeId: "live", version: 2 }),
  ];
  const checks = [
    ...sessions.slice(0, 4).flatMap((s) => [{ sessionId: s.id, nodeId: "live", status: "Approved" }, { sessionId: s.id, nodeId: "match", status: "Approved" }]),
    { sessionId: sessions[0].id, nodeId: "live", status: "Declined" },
    { sessionId: sessions[4].id, nodeId: "live", status: "Declined" },
  ];
  const perf = summarizeWorkflowPerformance({ versions: [{ version: 1, nodes }, { version: 2, nodes }], sessions, checks });

  it("counts the workflow's own outcomes, rates over decided sessions, and the median time", () => {
    expect(perf.overall).toEqual({ sessions: 5, decided: 4, approved: 1, review: 2, declined: 1, approvalRate: 0.25, reviewRate: 0.5, declineRate: 0.25, medianDecisionMs: 67_500 });
    expect(perf.versions.map((v) => [v.version, v.sessions, v.decided, v.approved])).toEqual([[1, 2, 2, 1], [2, 3, 2, 0]]);
  });

  it("finds drop-off and retries per step", () => {
    expect(perf.steps).toEqual([
      { nodeId: "live", label: "Liveness", feature: "LIVENESS", reached: 5, finished: 4, dropped: 1, retries: 1 },
      { nodeId: "match", label: "Match to ID", feature: "FACE_MATCH", reached: 4, finished: 4, dropped: 0, retries: 0 },
    ]);
  });

  it("splits the outcomes by A/B branch, with a note when there is too little data", () => {
    const [split] = perf.splits;
    expect(split.label).toBe("Liveness method");
    expect(split.branches.map((b) => [b.branchId, b.percentage, b.sessions, b.decided, b.approved, b.review, b.declined])).toEqual([["a", 50, 2, 2, 1, 1, 0], ["b", 50, 3, 2, 0, 1, 1]]);
    expect(split.comparisons).toEqual([expect.objectContaining({ a: "a", b: "b", verdict: "not_enough_data" })]);
  });
});

describe("compareApprovalRates", () => {
  it("calls a large difference on enough sessions significant, and a small one not", () => {
    const big = compareApprovalRates({ approved: 60, n: 100, label: "A" }, { approved: 80, n: 100, label: "B" });
    expect(big.verdict).toBe("significant");
    // z = 0.2 / sqrt(0.7 * 0.3 * 0.02) = 3.086, p = 0.0020
    if (big.verdict !== "not_enough_data") expect(big.z).toBeCloseTo(3.086, 2);
    if (big.verdict !== "not_enough_data") expect(big.pValue).toBeCloseTo(0.002, 3);
    expect(big.note).toMatch(/B approves 20% higher than A/);
    expect(compareApprovalRates({ approved: 60, n: 100, label: "A" }, { approved: 63, n: 100, label: "B" }).verdict).toBe("not_significant");
    expect(compareApprovalRates({ approved: 29, n: 29, label: "A" }, { approved: 0, n: 100, label: "B" }).verdict).toBe("not_enough_data");
  });
});

describe("helpers", () => {
  it("median and split pairs", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect([...readSplitBranches(",ab:a,x-1:b,")]).toEqual([["ab", "a"], ["x-1", "b"]]);
  });
});
