import { describe, expect, it } from "vitest";
import { compileWorkflowPlan } from "@/lib/workflows/compile-workflow-plan";
import { featuresToGraph } from "@/lib/workflows/features-to-graph";
import { runWorkflowStep } from "@/lib/workflows/run-workflow-step";
import { makeGraph } from "@/lib/workflows/test-graphs";
import type { CheckNodeType, CheckResultInput, WorkflowSignals } from "@/lib/workflows/types";
import { WorkflowGraphError } from "@/lib/workflows/workflow-graph-error";

const r = (nodeId: string, feature: CheckNodeType, status: CheckResultInput["status"], extra: Partial<CheckResultInput> = {}): CheckResultInput => ({ nodeId, feature, status, ...extra });

const linearPlan = compileWorkflowPlan(featuresToGraph([{ feature: "LIVENESS", config: { max_attempts: 2 } }, { feature: "FACE_MATCH" }]));
const run = (results: CheckResultInput[], sessionId = "s-1") => runWorkflowStep({ plan: linearPlan, sessionId, results });

describe("compileWorkflowPlan", () => {
  it("fills config defaults, resolves edges and freezes the plan", () => {
    expect(linearPlan.nodes["liveness-1"]).toEqual({
      id: "liveness-1", kind: "check", feature: "LIVENESS",
      config: { face_liveness_method: "PASSIVE", max_attempts: 2 },
      routing: { mode: "next", next: "face-match-2" },
    });
    expect(Object.isFrozen(linearPlan.nodes["liveness-1"])).toBe(true);
    expect(() => ((linearPlan.nodes as Record<string, unknown>).x = 1)).toThrow();
  });

  it("throws a WorkflowGraphError with every issue for an invalid graph", () => {
    const bad = makeGraph([["start", "start"], ["live", "LIVENESS"]], [["start", "live"]]);
    expect(() => compileWorkflowPlan(bad)).toThrow(WorkflowGraphError);
    try {
      compileWorkflowPlan(bad);
    } catch (error) {
      expect((error as WorkflowGraphError).issues).toEqual([{ nodeId: "live", field: "next", message: expect.any(String) }]);
      expect((error as WorkflowGraphError).status).toBe(422);
    }
  });
});

describe("runWorkflowStep: linear checks", () => {
  it("asks for the first check, then the next, with its config", () => {
    expect(run([])).toEqual({ type: "check", nodeId: "liveness-1", feature: "LIVENESS", config: { face_liveness_method: "PASSIVE", max_attempts: 2 }, attempt: 1, pathTaken: ["start", "liveness-1"], branches: [] });
    expect(run([r("liveness-1", "LIVENESS", "Approved")])).toMatchObject({ type: "check", nodeId: "face-match-2", config: { reference: "provided_image" }, attempt: 1 });
  });

  it("treats Not Finished as no result yet", () => {
    expect(run([r("liveness-1", "LIVENESS", "Not Finished")])).toMatchObject({ type: "check", nodeId: "liveness-1", attempt: 1 });
  });

  it("retries a declined liveness up to max_attempts; only the last attempt counts", () => {
    expect(run([r("liveness-1", "LIVENESS", "Declined")])).toMatchObject({ type: "check", nodeId: "liveness-1", attempt: 2 });
    const retried = run([r("liveness-1", "LIVENESS", "Declined", { warnings: [{ risk: "LOW_LIVENESS_SCORE" }] }), r("liveness-1", "LIVENESS", "Approved"), r("face-match-2", "FACE_MATCH", "Approved")]);
    expect(retried).toEqual({ type: "outcome", status: "Approved", endNodeId: "end-approved", warnings: [], pathTaken: ["start", "liveness-1", "face-match-2", "end-approved"], branches: [], cause: { kind: "end", nodeId: "end-approved" } });
  });

  it("is worst-status-wins when the path ends on END_APPROVED", () => {
    const warn = { risk: "LOW_FACE_MATCH_SIMILARITY", log_type: "warning" };
    expect(run([r("liveness-1", "LIVENESS", "Approved"), r("face-match-2", "FACE_MATCH", "In Review", { warnings: [warn] })])).toMatchObject({ status: "In Review", warnings: [warn] });
    expect(run([r("liveness-1", "LIVENESS", "Declined"), r("liveness-1", "LIVENESS", "Declined"), r("face-match-2", "FACE_MATCH", "Approved")])).toMatchObject({ status: "Declined" });
  });

  it("rejects results that do not belong to the plan", () => {
    expect(() => run([r("liveness-1", "FACE_MATCH", "Approved")])).toThrow(/does not match/);
    expect(() => run([r("nope", "LIVENESS", "Approved")])).toThrow(/does not match/);
  });
});

describe("runWorkflowStep: branches", () => {
  const graph = makeGraph(
    [
      ["start", "start"],
      ["live", "LIVENESS", { max_attempts: 1 }],
      ["ip", "IP_ANALYSIS"],
      ["dev", "DEVICE_CHECK"],
      ["list", "FACE_LIST_CHECK"],
      ["score", "CONDITION", { signal: "score_range", feature: "LIVENESS", min: 90 }],
      ["country", "CONDITION", { signal: "ip_country", countries: ["DE", "FR"] }],
      ["known", "CONDITION", { signal: "known_device" }],
      ["warned", "CONDITION", { signal: "warnings_present", risks: ["LOW_FACE_QUALITY"] }],
      ["ok", "END_APPROVED"],
      ["review", "END_IN_REVIEW"],
      ["no", "END_DECLINED"],
    ],
    [
      ["start", "live"],
      ["live", "score", "approved"], ["live", "review", "review"], ["live", "no", "declined"],
      ["score", "ok", "true"], ["score", "ip", "false"],
      ["ip", "country"], ["country", "dev", "true"], ["country", "review", "false"],
      ["dev", "known"], ["known", "warned", "true"], ["known", "list", "false"],
      ["warned", "review", "true"], ["warned", "ok", "false"],
      ["list", "no", "declined"], ["list", "ok", "approved"], ["list", "review", "review"],
    ],
  );
  const plan = compileWorkflowPlan(graph);
  const step = (results: CheckResultInput[], signals?: WorkflowSignals) => runWorkflowStep({ plan, sessionId: "s", results, signals });
  const live = (status: CheckResultInput["status"], score = 50) => r("live", "LIVENESS", status, { score });

  it("routes a check by its own status without feeding the verdict", () => {
    expect(step([live("Declined")])).toMatchObject({ status: "Declined", endNodeId: "no", pathTaken: ["start", "live", "no"] });
    expect(step([live("In Review")])).toMatchObject({ status: "In Review", endNodeId: "review" });
    expect(step([r("live", "LIVENESS", "Approved", { score: 95 })])).toMatchObject({ status: "Approved", pathTaken: ["start", "live", "score", "ok"] });
  });

  it("score_range: outside the range takes false; a missing score reads as false", () => {
    expect(step([live("Approved", 89)])).toMatchObject({ type: "check", nodeId: "ip" });
    expect(step([r("live", "LIVENESS", "Approved", { score: null })])).toMatchObject({ type: "check", nodeId: "ip" });
  });

  it("ip_country reads signals from the check results or the session context", () => {
    const base = [live("Approved"), r("ip", "IP_ANALYSIS", "Approved", { signals: { ip_country: "de" } })];
    expect(step(base)).toMatchObject({ type: "check", nodeId: "dev" });
    expect(step([live("Approved"), r("ip", "IP_ANALYSIS", "Approved")], { ip_country: "FR" })).toMatchObject({ type: "check", nodeId: "dev" });
    expect(step([live("Approved"), r("ip", "IP_ANALYSIS", "Approved", { signals: { ip_country: "US" } })])).toMatchObject({ status: "In Review", endNodeId: "review" });
  });

  it("known_device and warnings_present, and the verdict of next-wired checks", () => {
    const upToDevice = [live("Approved"), r("ip", "IP_ANALYSIS", "Approved", { signals: { ip_country: "DE" } })];
    const known = [...upToDevice, r("dev", "DEVICE_CHECK", "Approved", { signals: { known_device: true } })];
    expect(step(known)).toMatchObject({ status: "Approved", pathTaken: ["start", "live", "score", "ip", "country", "dev", "known", "warned", "ok"] });
    const warned = [...upToDevice, r("dev", "DEVICE_CHECK", "Approved", { signals: { known_device: true }, warnings: [{ risk: "LOW_FACE_QUALITY" }] })];
    expect(step(warned)).toMatchObject({ status: "In Review", endNodeId: "review" });
    const otherWarning = [...upToDevice, r("dev", "DEVICE_CHECK", "In Review", { signals: { known_device: true }, warnings: [{ risk: "X" }] })];
    expect(step(otherWarning)).toMatchObject({ status: "In Review", endNodeId: "ok", warnings: [{ risk: "X" }] });
    const unknown = [...upToDevice, r("dev", "DEVICE_CHECK", "Approved")];
    expect(step(unknown)).toMatchObject({ type: "check", nodeId: "list", feature: "FACE_LIST_CHECK", config: { check_blocklist: true, check_duplicates: false } });
    expect(step([...unknown, r("list", "FACE_LIST_CHECK", "Declined")])).toMatchObject({ status: "Declined", endNodeId: "no" });
    expect(step([...unknown, r("list", "FACE_LIST_CHECK", "Approved")])).toMatchObject({ status: "Approved", endNodeId: "ok" });
  });

  it("known_ip and anonymous_network read the session signals (adaptive re-auth)", () => {
    const g = makeGraph(
      [["start", "start"], ["ip", "CONDITION", { signal: "known_ip" }], ["anon", "CONDITION", { signal: "anonymous_network" }], ["p", "LIVENESS"], ["a", "LIVENESS", { face_liveness_method: "ACTIVE_3D" }], ["ok", "END_APPROVED"]],
      [["start", "ip"], ["ip", "ok", "true"], ["ip", "anon", "false"], ["anon", "a", "true"], ["anon", "p", "false"], ["p", "ok"], ["a", "ok"]],
    );
    const p = compileWorkflowPlan(g);
    expect(runWorkflowStep({ plan: p, sessionId: "s", results: [], signals: { known_ip: true } })).toMatchObject({ type: "outcome", status: "Approved" });
    expect(runWorkflowStep({ plan: p, sessionId: "s", results: [], signals: { anonymous_network: true } })).toMatchObject({ nodeId: "a", config: { face_liveness_method: "ACTIVE_3D" } });
    expect(runWorkflowStep({ plan: p, sessionId: "s", results: [] })).toMatchObject({ nodeId: "p" });
  });

  it("END_IN_REVIEW caps an approved verdict, END_DECLINED always declines", () => {
    const g = (end: string) => compileWorkflowPlan(makeGraph([["start", "start"], ["m", "FACE_MATCH"], ["end", end]], [["start", "m"], ["m", "end"]]));
    expect(runWorkflowStep({ plan: g("END_IN_REVIEW"), sessionId: "s", results: [r("m", "FACE_MATCH", "Approved")] })).toMatchObject({ status: "In Review" });
    expect(runWorkflowStep({ plan: g("END_IN_REVIEW"), sessionId: "s", results: [r("m", "FACE_MATCH", "Declined")] })).toMatchObject({ status: "Declined" });
    expect(runWorkflowStep({ plan: g("END_DECLINED"), sessionId: "s", results: [r("m", "FACE_MATCH", "Approved")] })).toMatchObject({ status: "Declined" });
  });
});

describe("runWorkflowStep: A/B split", () => {
  const split = (a: number) =>
    compileWorkflowPlan(
      makeGraph(
        [["start", "start"], ["ab", "AB_SPLIT", { branches: [{ id: "a", percentage: a }, { id: "b", percentage: 100 - a }] }], ["pa", "LIVENESS"], ["pb", "FACE_MATCH"], ["ok", "END_APPROVED"]],
        [["start", "ab"], ["ab", "pa", "a"], ["ab", "pb", "b"], ["pa", "ok"], ["pb", "ok"]],
      ),
    );

  it("is stable per session and follows the percentages", () => {
    const plan = split(30);
    const first = (id: string) => (runWorkflowStep({ plan, sessionId: id, results: [] }) as { nodeId: string }).nodeId;
    expect(first("session-42")).toBe(first("session-42"));
    const counts = { pa: 0, pb: 0 };
    for (let i = 0; i < 2000; i++) counts[first(`s-${i}`) as "pa" | "pb"]++;
    expect(counts.pa / 2000).toBeGreaterThan(0.26);
    expect(counts.pa / 2000).toBeLessThan(0.34);
  });

  it("never picks a 0% branch", () => {
    const all = split(100);
    for (let i = 0; i < 200; i++) expect(runWorkflowStep({ plan: all, sessionId: `s-${i}`, results: [] })).toMatchObject({ nodeId: "pa", pathTaken: ["start", "ab", "pa"] });
  });

  it("says which branch the session took, on checks and on the outcome", () => {
    expect(runWorkflowStep({ plan: split(100), sessionId: "s-1", results: [] })).toMatchObject({ branches: [{ nodeId: "ab", branchId: "a" }] });
    const done = runWorkflowStep({ plan: split(0), sessionId: "s-1", results: [r("pb", "FACE_MATCH", "Approved")] });
    expect(done).toMatchObject({ type: "outcome", branches: [{ nodeId: "ab", branchId: "b" }] });
  });
});

describe("runWorkflowStep: what decided the outcome", () => {
  const g = (end: string) => compileWorkflowPlan(makeGraph([["start", "start"], ["l", "LIVENESS"], ["m", "FACE_MATCH"], ["end", end]], [["start", "l"], ["l", "m"], ["m", "end"]]));
  const go = (end: string, l: CheckResultInput["status"], m?: CheckResultInput["status"]) =>
    runWorkflowStep({ plan: g(end), sessionId: "s", results: [r("l", "LIVENESS", l), ...(m ? [r("m", "FACE_MATCH", m)] : [])] });

  it("is the end node when no check on the way was worse", () => {
    expect(go("END_APPROVED", "Approved", "Approved")).toMatchObject({ status: "Approved", cause: { kind: "end", nodeId: "end" } });
    expect(go("END_IN_REVIEW", "Approved", "In Review")).toMatchObject({ status: "In Review", cause: { kind: "end", nodeId: "end" } });
    expect(go("END_DECLINED", "In Review", "Approved")).toMatchObject({ status: "Declined", cause: { kind: "end", nodeId: "end" } });
  });

  it("is the first check that made the verdict worse than the path's end", () => {
    expect(go("END_APPROVED", "Approved", "In Review")).toMatchObject({ status: "In Review", cause: { kind: "check", nodeId: "m", pathEnd: { nodeId: "end", status: "Approved" } } });
    expect(go("END_APPROVED", "In Review", "In Review")).toMatchObject({ cause: { kind: "check", nodeId: "l" } });
  });

  it("is the declining check when it stopped the run early", () => {
    expect(go("END_APPROVED", "Approved", "Declined")).toMatchObject({ status: "Declined", endNodeId: "m", cause: { kind: "check", nodeId: "m", pathEnd: null } });
  });
});
