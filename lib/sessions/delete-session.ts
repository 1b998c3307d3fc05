import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { purgeDeletedData } from "@/lib/db/purge-deleted-data";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";

// DELETE /v3/session/{id}/delete/: purges the session's images (files and rows), face templates, checks,
// reviews and webhook events. The audit entry keeps no personal or biometric data.
export async function deleteSession(db: Db, input: { applicationId: string; sessionId: string; actor: AuditActor }) {
  const session = await db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { id: true, sessionNumber: true } });
  if (!session) throw new AppError("not_found", "No session with this id.");
  const media = await db.media.findMany({ where: { sessionId: session.id }, select: { id: true } });
  await deleteMedia(db, media.map((m) => m.id));
  await db.$transaction(async (tx) => {
    await tx.faceTemplate.deleteMany({ where: { applicationId: input.applicationId, sessionId: session.id } });
    await tx.webhookEvent.deleteMany({ where: { sessionId: session.id } });
    await tx.verificationSession.delete({ where: { id: session.id } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "session.deleted", targetType: "session", targetId: session.id, details: { sessionNumber: session.sessionNumber } });
  });
  announceFaceTemplatesChanged(input.applicationId);
  await purgeDeletedData(db);
}
