import type { Tx } from "@/lib/db";
import { caseRisk, latestWarnings, riskAtLeast } from "@/lib/review/case-risk";
import { readFourEyes } from "@/lib/review/review-policy";

// Whether the workflow's four-eyes policy holds this decision of a case in review for a second
// reviewer: every decline (declines) or approvals of cases at or above a risk level (approvalsAtRisk).
export async function needsSecondReview(tx: Tx, input: { sessionId: string; decision: string }): Promise<boolean> {
  if (input.decision !== "Approved" && input.decision !== "Declined") return false;
  const session = await tx.verificationSession.findUniqueOrThrow({
    where: { id: input.sessionId },
    select: { workflow: { select: { fourEyes: true } }, checks: { orderBy: { createdAt: "asc" }, select: { feature: true, warnings: true } } },
  });
  const policy = readFourEyes(session.workflow.fourEyes);
  if (!policy) return false;
  if (input.decision === "Declined") return policy.declines;
  return riskAtLeast(caseRisk(latestWarnings(session.checks)), policy.approvalsAtRisk);
}
