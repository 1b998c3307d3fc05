import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { analyzeUpload } from "@/lib/checks/analyze-upload";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";
import { createFaceTemplate, ENROLLED_SOURCES } from "@/lib/templates/create-face-template";

// Re-enrolment: the selfie of one of the user's Approved sessions becomes their only enrolled face.
// Earlier enrolments (session and re-auth templates) are replaced, so re-authentication compares with
// this face from now on. Only Approved sessions qualify: their selfie passed liveness.
export async function enrolFromSession(db: Db, input: { applicationId: string; vendorData: string; sessionId: string; actor: AuditActor }) {
  const session = await db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId, vendorData: input.vendorData }, select: { id: true, status: true, sessionNumber: true } });
  if (!session) throw new AppError("not_found", "No session with this id for this user.", { field: "sessionId" });
  if (session.status !== "Approved") throw new AppError("conflict", `Only an Approved session can become the enrolment; this one is ${session.status}.`);
  const selfie = await db.media.findFirst({ where: { sessionId: session.id, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const image = selfie ? await readMedia(db, selfie.id) : null;
  if (!image) throw new AppError("unprocessable", "This session has no stored selfie.", { field: "sessionId" });
  const upload = await analyzeUpload({ field: "selfie", bytes: new Uint8Array(image.bytes), rotate: true });
  const face = upload.analysis.primary;
  if (!face) throw new AppError("unprocessable", "No face was found in this session's selfie.");
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.faceTemplate.deleteMany({ where: { applicationId: input.applicationId, vendorData: input.vendorData, source: { in: ENROLLED_SOURCES } } });
    const template = await createFaceTemplate(tx, { applicationId: input.applicationId, embedding: face.embedding, modelId: face.modelId, source: "session", vendorData: input.vendorData, sessionId: session.id });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "end_user.reenrolled", targetType: "session", targetId: session.id, details: { replacedTemplates: removed.count } });
    return { templateId: template.id, replaced: removed.count };
  });
  announceFaceTemplatesChanged(input.applicationId);
  return result;
}
