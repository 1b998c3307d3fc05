import type { Db, Prisma, Tx } from "@/lib/db";
import { decryptString } from "@/lib/crypto/encryption";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readReasonCodes } from "@/lib/review/reason-codes";
import { createSignedMediaUrl } from "@/lib/media/signed-url";

type Media = Record<string, string | undefined> | null;
const url = (media: Media, kind: string) => (media?.[kind] ? createSignedMediaUrl(media[kind]!) : null);

export function captureUrlFor(token: string): string {
  return `${getEnv().publicUrl}/verify/${token}`;
}

export function sessionUrlOf(session: { id: string; captureTokenSealed: Uint8Array | null }): string | null {
  return session.captureTokenSealed ? captureUrlFor(decryptString(session.captureTokenSealed, `capture:${session.id}`)) : null;
}

// The full verdict of a session in the API's shape (also attached to webhooks). The latest attempt of
// each check is the headline; every attempt is listed too. Reviews carry their reason (code and label)
// and the comment meant for the customer; a four-eyes first decision shows once it is settled. Webhooks
// (`forWebhook`) leave out the team's internal side: notes, and each decision's internal comment.
export async function buildSessionDecision(db: Db | Tx, input: { applicationId: string; sessionId: string; forWebhook?: boolean }) {
  const session = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    include: {
      application: { select: { reasonCodes: true } },
      checks: { orderBy: { createdAt: "asc" } },
      reviews: { where: { pending: false, ...(input.forWebhook ? { action: { not: "comment" } } : {}) }, orderBy: { createdAt: "asc" }, include: { user: { select: { email: true } } } },
    },
  });
  if (!session) throw new AppError("not_found", "No session with this id.");
  const reasons = readReasonCodes(session.application.reasonCodes);
  const liveness = session.checks.filter((c) => c.feature === "LIVENESS").map((c) => ({
    status: c.status,
    method: c.method,
    score: c.score,
    attempt: c.attempt,
    warnings: c.warnings,
    reference_image: url(c.mediaIds as Media, "reference_image"),
    created_at: c.createdAt.toISOString(),
  }));
  const faceMatches = session.checks.filter((c) => c.feature === "FACE_MATCH").map((c) => ({
    status: c.status,
    score: c.score,
    source_image_session_id: session.id,
    source_image: url(c.mediaIds as Media, "source_image"),
    // the reference: the portrait_image while it is kept for review (Application.keepReferenceImages)
    target_image: url(c.mediaIds as Media, "target_image") ?? (session.portraitMediaId ? createSignedMediaUrl(session.portraitMediaId) : null),
    warnings: c.warnings,
    created_at: c.createdAt.toISOString(),
  }));
  const ip = session.checks.filter((c) => c.feature === "IP_ANALYSIS").at(-1);
  // blocklist and duplicate hits (with what they matched in additional_data): reported with the
  // liveness warnings, as /v3/passive-liveness/ and the hosted service report them, and on their own
  const faceList = session.checks.filter((c) => c.feature === "FACE_LIST_CHECK").at(-1);
  const listWarnings = (faceList?.warnings ?? []) as Prisma.JsonArray;
  const lastLiveness = liveness.at(-1);
  const lastMatch = faceMatches.at(-1);
  return {
    session_id: session.id,
    session_number: session.sessionNumber,
    session_url: sessionUrlOf(session),
    status: session.status,
    workflow_id: session.workflowId,
    workflow_type: session.workflowType,
    vendor_data: session.vendorData,
    metadata: session.metadata ?? null,
    callback: session.callback,
    created_at: session.createdAt.toISOString(),
    decided_at: session.decidedAt?.toISOString() ?? null,
    liveness: lastLiveness ? { ...lastLiveness, warnings: [...((lastLiveness.warnings ?? []) as Prisma.JsonArray), ...listWarnings] } : null,
    face_list_check: faceList ? { status: faceList.status, warnings: listWarnings } : null,
    face_match: lastMatch ?? null,
    face: lastMatch ? { status: lastMatch.status, similarity_score: lastMatch.score === null ? null : Math.round(lastMatch.score) / 100 } : null,
    ip_analysis: ip ? { status: ip.status, ...(ip.data as object), warnings: ip.warnings } : null,
    step_up: session.stepUp ?? null,
    path_taken: session.pathTaken ?? null,
    // which rule gave the session its status (additive; null for sessions decided before it was recorded)
    decided_by: session.decidedBy ?? null,
    reviews: session.reviews.map((r) => ({
      action: r.action,
      new_status: r.newStatus,
      comment: input.forWebhook ? null : r.comment,
      reason_code: r.reasonCode,
      reason: reasons.find((c) => c.code === r.reasonCode)?.label ?? r.reasonCode,
      customer_comment: r.customerComment,
      reviewer: r.user?.email ?? null,
      created_at: r.createdAt.toISOString(),
    })),
    resubmissions: session.resubmissions,
    liveness_checks: liveness,
    face_matches: faceMatches,
  };
}
