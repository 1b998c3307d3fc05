import type { DecidedBy } from "@/lib/workflows/derive-decided-by";

const CHECK_NAMES: Record<string, string> = { FACE_MATCH: "face-match", LIVENESS: "liveness", IP_ANALYSIS: "IP analysis", DEVICE_CHECK: "device", FACE_LIST_CHECK: "face list" };
const checkName = (check: string, label?: string) => (label ? `"${label}" (${CHECK_NAMES[check] ?? check})` : (CHECK_NAMES[check] ?? check));
const list = (warnings: string[]) => (warnings.length ? ` (${warnings.join(", ")})` : "");

function pathNote(pathEnd: { status: string } | null): string {
  return pathEnd ? `, although the path ended at ${pathEnd.status}` : "; the run stopped there, as nothing after a decline can change it";
}

// The stored rule in words, for the session page and the review queue: "In Review because the face-match score 62 is
// below this workflow's review threshold 70, although the path ended at Approved". `names` resolves
// console user ids to something a reviewer recognises (an email); an unknown id reads "a reviewer".
export function describeDecidedBy(decidedBy: DecidedBy, names: Record<string, string> = {}): string {
  const who = (id: string | null) => (id && names[id]) || "a reviewer";
  switch (decidedBy.rule) {
    case "end_node":
      return `${decidedBy.status} because the path ended at the ${decidedBy.status} end.`;
    case "check_threshold": {
      const status = decidedBy.kind === "decline" ? "Declined" : "In Review";
      const owner = decidedBy.source === "workflow" ? "this workflow's" : "the application's default";
      return `${status} because the ${checkName(decidedBy.check, decidedBy.label)} score ${decidedBy.score} is below ${owner} ${decidedBy.kind} threshold ${decidedBy.threshold}${pathNote(decidedBy.pathEnd)}.`;
    }
    case "check_result":
      return `${decidedBy.status} because the ${checkName(decidedBy.check, decidedBy.label)} check returned ${decidedBy.status}${list(decidedBy.warnings)}${pathNote(decidedBy.pathEnd)}.`;
    case "list_hit":
      return `${decidedBy.status} because the face matched a face list entry${list(decidedBy.warnings)}${pathNote(decidedBy.pathEnd)}.`;
    case "step_up_skip":
      return `Approved without a selfie: ${decidedBy.reason}.`;
    case "reviewer":
      return decidedBy.reviewerId ? `${decidedBy.status} by ${who(decidedBy.reviewerId)}'s decision.` : `${decidedBy.status} through the API (${decidedBy.actor}).`;
    case "second_review":
      return `${decidedBy.status} by ${who(decidedBy.reviewerId)}'s decision, confirmed by ${who(decidedBy.confirmedById)} (four-eyes).`;
    case "expired":
      return "Expired because the link was not opened before it expired.";
    case "abandoned":
      return "Abandoned because the capture was not finished in time.";
  }
}

// The stored JSON read back; anything without a known rule is treated as "not recorded" (older sessions).
export function readDecidedBy(value: unknown): DecidedBy | null {
  const rule = (value as { rule?: unknown } | null)?.rule;
  const known = ["end_node", "check_threshold", "check_result", "list_hit", "step_up_skip", "reviewer", "second_review", "expired", "abandoned"];
  return typeof rule === "string" && known.includes(rule) ? (value as DecidedBy) : null;
}
