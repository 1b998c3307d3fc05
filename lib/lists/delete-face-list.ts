import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";

// A list goes with its faces: templates and stored images are deleted, not orphaned. The
// auto-provisioned blocklist stays (409): the checks always have a blocklist to consult.
export async function deleteFaceList(db: Db, input: { applicationId: string; listId: string; actor: AuditActor }) {
  const list = await db.faceList.findFirst({ where: { id: input.listId, applicationId: input.applicationId }, include: { entries: { include: { template: { select: { id: true, mediaId: true } } } } } });
  if (!list) throw new AppError("not_found", "No face list with this id.");
  if (list.isSystem) throw new AppError("conflict", "The built-in face blocklist cannot be deleted; remove its entries instead.");
  await deleteMedia(db, list.entries.map((e) => e.template.mediaId).filter((id): id is string => Boolean(id)));
  await db.$transaction(async (tx) => {
    await tx.faceTemplate.deleteMany({ where: { id: { in: list.entries.map((e) => e.template.id) }, applicationId: input.applicationId, source: "list" } });
    await tx.faceList.delete({ where: { id: list.id } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "face_list.deleted", targetType: "face_list", targetId: list.id, details: { name: list.name, entries: list.entries.length } });
  });
  announceFaceTemplatesChanged(input.applicationId);
}
