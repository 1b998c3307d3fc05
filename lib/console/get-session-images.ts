import type { Db } from "@/lib/db";
import { createSignedMediaUrl } from "@/lib/media/signed-url";

export type SessionImages = { selfie: string | null; reference: string | null; referenceSource: string | null };

// The faces a reviewer compares: the session's latest selfie, and what its FACE_MATCH compared it with —
// the enrolled template's own image, else the selfie of the session that enrolled it. A portrait_image
// sent with the session is not stored (only its embedding is used), so it has no picture here.
export async function getSessionImages(db: Db, session: { id: string; referenceTemplateId: string | null }): Promise<SessionImages> {
  const selfie = await db.media.findFirst({ where: { sessionId: session.id, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  let reference: { id: string } | null = null;
  let referenceSource: string | null = null;
  const template = session.referenceTemplateId
    ? await db.faceTemplate.findUnique({ where: { id: session.referenceTemplateId }, select: { mediaId: true, sessionId: true, source: true } })
    : null;
  if (template?.mediaId) reference = { id: template.mediaId };
  else if (template?.sessionId && template.sessionId !== session.id) {
    reference = await db.media.findFirst({ where: { sessionId: template.sessionId, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  }
  if (template?.source === "portrait") referenceSource = "portrait_image sent with the session (only its template is kept)";
  else if (template) referenceSource = reference ? "face enrolled by an earlier session" : "enrolled face (its image is no longer stored)";
  return { selfie: selfie ? createSignedMediaUrl(selfie.id) : null, reference: reference ? createSignedMediaUrl(reference.id) : null, referenceSource };
}
