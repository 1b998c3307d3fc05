import { worstStatus } from "@/lib/workflows/graph-rules";
import type { FinalStatus, PlanNode, WorkflowPlan } from "@/lib/workflows/types";

export type RiskyShape = { code: "approves_without_liveness" | "approves_without_face_match" | "condition_changes_nothing" | "new_device_more_lenient"; nodeId: string; message: string };

const statuses: FinalStatus[] = ["Approved", "In Review", "Declined"];
const rank: Record<FinalStatus, number> = { Approved: 0, "In Review": 1, Declined: 2 };
// which branch of a condition is the risky one: a device or address seen for the first time, an
// anonymising network, warnings raised so far
const riskyBranch: Partial<Record<string, "whenTrue" | "whenFalse">> = { known_device: "whenFalse", known_ip: "whenFalse", anonymous_network: "whenTrue", warnings_present: "whenTrue" };
const signalWords: Record<string, [string, string]> = {
  known_device: ["a new device", "a known device"],
  known_ip: ["a new IP address", "a known IP address"],
  anonymous_network: ["an anonymising network", "an ordinary network"],
  warnings_present: ["a session with warnings", "a session without warnings"],
};

// Shapes that are valid but probably not what the author meant, found on the compiled plan (pure):
// - an Approved end reachable without passing liveness, or without passing the face match when the
//   workflow has one (a check "passes" through its next or approved output);
// - a condition whose two branches can only end in the same, single outcome;
// - a condition on a risk signal whose risky branch (new device, new IP, ...) can approve and is
//   more lenient than the other branch: the intent inverted.
export function findRiskyShapes(plan: WorkflowPlan): RiskyShape[] {
  const shapes: RiskyShape[] = [];
  const nodes = Object.values(plan.nodes);
  const outcomes = outcomeSets(plan);
  const hasFaceMatch = nodes.some((n) => n.kind === "check" && n.feature === "FACE_MATCH");
  const unguarded = approvedWithout(plan);
  for (const node of nodes) {
    if (node.kind === "end" && unguarded.liveness.has(node.id)) {
      shapes.push({ code: "approves_without_liveness", nodeId: node.id, message: "A session can reach this Approved end without passing a liveness check." });
    }
    if (node.kind === "end" && hasFaceMatch && unguarded.faceMatch.has(node.id)) {
      shapes.push({ code: "approves_without_face_match", nodeId: node.id, message: "A session can reach this Approved end without passing the face match." });
    }
    if (node.kind !== "condition") continue;
    const yes = outcomes(node.whenTrue);
    const no = outcomes(node.whenFalse);
    if (yes.size === 1 && no.size === 1 && [...yes][0] === [...no][0]) {
      shapes.push({ code: "condition_changes_nothing", nodeId: node.id, message: `Both branches of this condition end ${[...yes][0]}: it changes nothing.` });
    }
    const risky = riskyBranch[node.condition.signal];
    if (!risky) continue;
    const riskySet = outcomes(node[risky]);
    const safeSet = outcomes(node[risky === "whenTrue" ? "whenFalse" : "whenTrue"]);
    if (riskySet.has("Approved") && lenience(riskySet) < lenience(safeSet)) {
      const [riskyWords, safeWords] = signalWords[node.condition.signal];
      shapes.push({ code: "new_device_more_lenient", nodeId: node.id, message: `${capitalise(riskyWords)} can be approved while ${safeWords} is treated more strictly (best case ${[...safeSet].sort((a, b) => rank[a] - rank[b])[0]}): the branches look swapped.` });
    }
  }
  return shapes;
}

const lenience = (set: ReadonlySet<FinalStatus>) => Math.min(...[...set].map((s) => rank[s]));
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

// Every final status a run entering a node could end with (the plan is acyclic; memoised per node).
function outcomeSets(plan: WorkflowPlan) {
  const memo = new Map<string, Set<FinalStatus>>();
  const of = (id: string): Set<FinalStatus> => {
    const known = memo.get(id);
    if (known) return known;
    const node: PlanNode = plan.nodes[id];
    let set: Set<FinalStatus>;
    if (node.kind === "end") set = new Set([node.status]);
    else if (node.kind === "start") set = of(node.next);
    else if (node.kind === "condition") set = new Set([...of(node.whenTrue), ...of(node.whenFalse)]);
    else if (node.kind === "split") set = new Set(node.branches.filter((b) => b.percentage > 0).flatMap((b) => [...of(b.next)]));
    else if (node.routing.mode === "status") set = new Set([...of(node.routing.approved), ...of(node.routing.review), ...of(node.routing.declined)]);
    // a check feeding the verdict: its own status combines with whatever comes after, worst wins
    else set = new Set([...of(node.routing.next)].flatMap((after) => statuses.map((own) => worstStatus(after, own) as FinalStatus)));
    memo.set(id, set);
    return set;
  };
  return of;
}

// Approved ends reachable on a path that did not pass liveness / the face match.
function approvedWithout(plan: WorkflowPlan) {
  const liveness = new Set<string>();
  const faceMatch = new Set<string>();
  const seen = new Set<string>();
  const walk = (id: string, passedLiveness: boolean, passedFaceMatch: boolean) => {
    const key = `${id}:${passedLiveness}:${passedFaceMatch}`;
    if (seen.has(key)) return;
    seen.add(key);
    const node = plan.nodes[id];
    if (node.kind === "end") {
      if (node.status !== "Approved") return;
      if (!passedLiveness) liveness.add(id);
      if (!passedFaceMatch) faceMatch.add(id);
    } else if (node.kind === "start") walk(node.next, passedLiveness, passedFaceMatch);
    else if (node.kind === "condition") [node.whenTrue, node.whenFalse].forEach((next) => walk(next, passedLiveness, passedFaceMatch));
    else if (node.kind === "split") node.branches.filter((b) => b.percentage > 0).forEach((b) => walk(b.next, passedLiveness, passedFaceMatch));
    else {
      const l = passedLiveness || node.feature === "LIVENESS";
      const f = passedFaceMatch || node.feature === "FACE_MATCH";
      if (node.routing.mode === "next") walk(node.routing.next, l, f);
      else {
        walk(node.routing.approved, l, f);
        walk(node.routing.review, passedLiveness, passedFaceMatch);
        walk(node.routing.declined, passedLiveness, passedFaceMatch);
      }
    }
  };
  walk(plan.startNodeId, false, false);
  return { liveness, faceMatch };
}
