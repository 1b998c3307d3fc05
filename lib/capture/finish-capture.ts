import type { AnalyzedUpload } from "@/lib/checks/analyze-upload";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import type { StoredChallenge } from "@/lib/capture/session-context";
import { hashToken } from "@/lib/crypto/tokens";
import { Prisma, type Db } from "@/lib/db";
import { changeSessionStatus } from "@/lib/sessions/change-session-status";
import { createFaceTemplate } from "@/lib/templates/create-face-template";
import { createWarning, type Warning } from "@/lib/verification/warnings";
import type { DecidedBy } from "@/lib/workflows/derive-decided-by";
import type { FinalStatus } from "@/lib/workflows/types";

export function deviceHash(applicationId: string, deviceId: string): string {
  return hashToken(`${applicationId}:${deviceId}`);
}

// The outcome of the workflow becomes the session status (with its webhook, one transaction). The
// selfie's face is kept as a sealed "candidate" template (never searched nor matched) whatever the
// outcome, so a later manual decision can enrol or blocklist it. changeSessionStatus then does what the
// outcome implies (applyDecisionEffects), exactly as for a reviewer's decision.
// `decidedBy` (what decided the status) and `splitBranches` are written in the same transaction.
export async function finishCapture(db: Db, input: { session: CaptureSessionRow; status: FinalStatus; pathTaken: string[]; selfie: AnalyzedUpload | null; reason: string; lastChallenge?: StoredChallenge | null; decidedBy: DecidedBy; splitBranches: string | null }) {
  const { session } = input;
  const face = input.selfie?.analysis.primary;
  await changeSessionStatus(db, {
    applicationId: session.applicationId,
    sessionId: session.id,
    from: ["In Progress"],
    to: input.status,
    actor: "end_user",
    reason: input.reason,
    data: { pathTaken: input.pathTaken, challenge: Prisma.DbNull, decidedBy: input.decidedBy, splitBranches: input.splitBranches },
    apply: async (tx) => {
      if (input.status === "Declined" && input.lastChallenge && input.lastChallenge.attempt >= input.lastChallenge.maxAttempts) {
        const last = await tx.checkResult.findFirst({ where: { sessionId: session.id, feature: "LIVENESS" }, orderBy: { createdAt: "desc" } });
        if (last?.status === "Declined") await tx.checkResult.update({ where: { id: last.id }, data: { warnings: [...(last.warnings as Warning[]), createWarning("LIVENESS_MAX_ATTEMPTS_EXCEEDED")] } });
      }
      if (face) await createFaceTemplate(tx, { applicationId: session.applicationId, embedding: face.embedding, modelId: face.modelId, source: "candidate", vendorData: session.vendorData, sessionId: session.id });
    },
  });
}
