import type { Db, Tx } from "@/lib/db";
import { storeMedia } from "@/lib/media/blob-store";
import { encodeJpeg } from "@/lib/media/encode-jpeg";
import type { DecodedImage } from "@/lib/media/types";

// Application.keepReferenceImages (REFERENCE_POLICIES): the portrait_image of a session, sealed like
// every stored image and under the same retention, unless the policy is "never".
export async function storeReferenceImage(db: Db, input: { applicationId: string; policy: string; retentionDays: number | null; image: DecodedImage }): Promise<string | null> {
  if (input.policy === "never") return null;
  // re-encoded: upright, no EXIF, like every stored capture
  const bytes = await encodeJpeg(input.image);
  const expiresAt = input.retentionDays ? new Date(Date.now() + input.retentionDays * 86_400_000) : null;
  return (await storeMedia(db, { applicationId: input.applicationId, kind: "reference", mimeType: "image/jpeg", bytes, expiresAt })).id;
}

// Ties a stored reference image to its session and template (inside the session's creation).
export async function linkReferenceImage(tx: Tx, input: { mediaId: string; sessionId: string; templateId: string }) {
  await tx.media.update({ where: { id: input.mediaId }, data: { sessionId: input.sessionId } });
  await tx.faceTemplate.update({ where: { id: input.templateId }, data: { mediaId: input.mediaId } });
  await tx.verificationSession.update({ where: { id: input.sessionId }, data: { portraitMediaId: input.mediaId } });
}

// Inside a status change to a final status: with "in_review", a session that never was In Review has no
// reviewer to keep its reference image for. The pointers go in the transaction; the ids it returns are
// deleted (file, then row) once it has committed.
export async function detachUnreviewedReference(tx: Tx, input: { sessionId: string }): Promise<string[]> {
  const session = await tx.verificationSession.findUnique({ where: { id: input.sessionId }, select: { portraitMediaId: true, referenceTemplateId: true, application: { select: { keepReferenceImages: true } } } });
  if (!session?.portraitMediaId || session.application.keepReferenceImages !== "in_review") return [];
  if ((await tx.sessionEvent.count({ where: { sessionId: input.sessionId, toStatus: "In Review" } })) > 0) return [];
  await tx.verificationSession.update({ where: { id: input.sessionId }, data: { portraitMediaId: null } });
  await tx.faceTemplate.updateMany({ where: { mediaId: session.portraitMediaId }, data: { mediaId: null } });
  return [session.portraitMediaId];
}
