import type { Db } from "@/lib/db";

export type SessionImages = { selfieMediaId: string | null; referenceMediaId: string | null; referenceSource: string | null };

// Why a portrait_image sent with the session has no picture (Application.keepReferenceImages).
function portraitNote(input: { kept: boolean; policy: string; status: string }): string {
  if (input.kept) return "portrait_image sent with the session";
  if (input.policy === "never") return "portrait_image sent with the session: not kept (Settings keep reference images never; only its template is kept)";
  if (["Approved", "Declined", "Expired", "Abandoned", "Kyc Expired"].includes(input.status)) {
    return "portrait_image sent with the session: deleted when the session finished without review (only its template is kept)";
  }
  return "portrait_image sent with the session: not kept (only its template is kept)";
}

// The faces a reviewer compares: the session's latest selfie, and what its FACE_MATCH compared it with —
// the portrait_image kept for review or the enrolled template's own image, else the selfie of the
// session that enrolled it. Media ids: the caller signs the URLs it hands out.
export async function getSessionImages(
  db: Db,
  session: { id: string; referenceTemplateId: string | null; status: string; application: { keepReferenceImages: string } },
): Promise<SessionImages> {
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
  if (template?.source === "portrait") {
    referenceSource = portraitNote({ kept: Boolean(reference), policy: session.application.keepReferenceImages, status: session.status });
  } else if (template) referenceSource = reference ? "face enrolled by an earlier session" : "enrolled face (its image is no longer stored)";
  return { selfieMediaId: selfie?.id ?? null, referenceMediaId: reference?.id ?? null, referenceSource };
}
