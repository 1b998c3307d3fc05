import { recordAudit } from "@/lib/audit/record-audit";
import { createChallenge } from "@/lib/capture/create-challenge";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import { capturePage } from "@/lib/capture/refuse-capture";
import { readChallenge, readStepUp, type StoredChallenge } from "@/lib/capture/session-context";
import type { LivenessMethod } from "@/lib/capture/types";
import type { Db, Prisma } from "@/lib/db";
import { livenessMethods } from "@/lib/workflows/liveness-methods";

// What a FLASHING check becomes for a person who asked not to be shown flashing light
// (photosensitivity): the head-turn check, the one method at least as strong, so the choice can never be
// used to weaken the check (PASSIVE would be).
export const FLASHING_FALLBACK: LivenessMethod = "ACTIVE_3D";

export function withoutFlashing(method: LivenessMethod, avoidFlashing: boolean | undefined): LivenessMethod {
  return method === "FLASHING" && avoidFlashing ? FLASHING_FALLBACK : method;
}

// Whether the page should warn about flashing light before the capture: the session's workflow has a
// FLASHING liveness check (on any branch) and the person has not already chosen the alternative.
export function mayFlash(session: Pick<CaptureSessionRow, "workflowVersion" | "stepUp">): boolean {
  if (readStepUp(session.stepUp)?.avoid_flashing) return false;
  return livenessMethods(session.workflowVersion?.graph).includes("FLASHING");
}

// The person chose "turn my head instead" after the capture started (the start screen's choice is
// stored with the step-up when the capture starts): remembered for the rest of the session (retries,
// resubmissions) and a FLASHING challenge not yet answered is replaced by a head-turn one for the same
// check and attempt. Recorded on the case's timeline. Only for a started session that `mayFlash`.
export async function avoidFlashing(db: Db, session: Pick<CaptureSessionRow, "id" | "applicationId" | "stepUp" | "challenge">): Promise<void> {
  const stepUp = readStepUp(session.stepUp);
  if (!stepUp) return;
  const challenge = readChallenge(session.challenge);
  const pending = challenge?.method === "FLASHING";
  const data: Prisma.VerificationSessionUpdateInput = { stepUp: { ...stepUp, avoid_flashing: true } as Prisma.InputJsonObject };
  if (challenge && pending) {
    const replaced: StoredChallenge = { ...createChallenge(FLASHING_FALLBACK), nodeId: challenge.nodeId, attempt: challenge.attempt, maxAttempts: challenge.maxAttempts, issuedAt: new Date().toISOString() };
    data.challenge = replaced;
  }
  await db.$transaction(async (tx) => {
    await tx.verificationSession.update({ where: { id: session.id }, data });
    await recordAudit(tx, { actor: capturePage, applicationId: session.applicationId, action: "capture.flashing_avoided", targetType: "session", targetId: session.id, details: { method: FLASHING_FALLBACK, replacedChallenge: pending } });
  });
}
