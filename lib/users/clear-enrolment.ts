import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";
import { ENROLLED_SOURCES } from "@/lib/templates/create-face-template";

// Forgets the user's enrolled faces (session and re-auth templates): their next Approved session with a
// live selfie enrols them again. Re-auth sessions need a portrait_image until then.
export async function clearEnrolment(db: Db, input: { applicationId: string; vendorData: string; actor: AuditActor }) {
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.faceTemplate.deleteMany({ where: { applicationId: input.applicationId, vendorData: input.vendorData, source: { in: ENROLLED_SOURCES } } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "end_user.enrolment_cleared", targetType: "end_user", details: { removedTemplates: removed.count } });
    return { removed: removed.count };
  });
  announceFaceTemplatesChanged(input.applicationId);
  return result;
}
