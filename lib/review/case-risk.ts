import type { Warning } from "@/lib/verification/warnings";

// The risk of a case in review, from the warnings of its latest checks: "high" when something points at
// fraud (an attack, a blocklisted or duplicated face, a device proof that failed), "medium" for any other
// warning or error, "low" otherwise. Four-eyes policies and the queue use it.
export type CaseRisk = "low" | "medium" | "high";

const HIGH = new Set(["LIVENESS_FACE_ATTACK", "FACE_IN_BLOCKLIST", "DUPLICATED_FACE", "LIVENESS_MAX_ATTEMPTS_EXCEEDED"]);

export function caseRisk(warnings: readonly Pick<Warning, "risk" | "log_type">[]): CaseRisk {
  if (warnings.some((w) => HIGH.has(w.risk) || w.risk.startsWith("BURST_"))) return "high";
  if (warnings.some((w) => w.log_type !== "information")) return "medium";
  return "low";
}

const rank: Record<CaseRisk, number> = { low: 0, medium: 1, high: 2 };

// Whether `risk` is at or above `level` ("any" includes low; "off" matches nothing).
export function riskAtLeast(risk: CaseRisk, level: "off" | "high" | "medium" | "any"): boolean {
  if (level === "off") return false;
  if (level === "any") return true;
  return rank[risk] >= rank[level];
}

// The warnings of each feature's latest check (checks oldest first): a retried check's earlier
// attempts no longer describe the case.
export function latestWarnings(checks: readonly { feature: string; warnings: unknown }[]): Warning[] {
  const latest = new Map<string, Warning[]>();
  for (const c of checks) latest.set(c.feature, (c.warnings ?? []) as Warning[]);
  return [...latest.values()].flat();
}
