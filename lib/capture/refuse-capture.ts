import type { AuditActor } from "@/lib/audit/record-audit";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import type { RetryReason } from "@/lib/capture/retry-reasons";
import type { Db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

// who the case timeline names for what the hosted page's end user did
export const capturePage: AuditActor = { type: "system", label: "hosted capture page" };

// An upload the server cannot judge (wrong frame count, bad timings). The person sees only the reason
// code's words in their language; the exact cause goes to the log and onto the case's timeline (an
// audit entry on the session) for reviewers.
export async function refuseCapture(db: Db, input: { session: Pick<CaptureSessionRow, "id" | "applicationId">; reason: RetryReason; detail: string; code?: ErrorCode; field?: string }): Promise<AppError> {
  logger.warn("capture upload refused", { sessionId: input.session.id, reason: input.reason, detail: input.detail });
  await recordAudit(db, { actor: capturePage, applicationId: input.session.applicationId, action: "capture.refused", targetType: "session", targetId: input.session.id, details: { reason: input.reason, detail: input.detail } });
  return new AppError(input.code ?? "validation_error", input.detail, { field: input.field, details: { reason: input.reason } });
}
