import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";

// Removing a face removes its template and stored image too; the checks stop matching it at once.
export async function removeListEntry(db: Db, input: { applicationId: string; listId: string; entryId: string; actor: AuditActor }) {
  const entry = await db.faceListEntry.findFirst({ where: { id: input.entryId, listId: input.listId, list: { applicationId: input.applicationId } }, include: { template: { select: { id: true, mediaId: true, source: true } } } });
  if (!entry) throw new AppError("not_found", "No entry with this id in this list.");
  if (entry.template.mediaId && entry.template.source === "list") await deleteMedia(db, [entry.template.mediaId]);
  await db.$transaction(async (tx) => {
    await tx.faceListEntry.delete({ where: { id: entry.id } });
    if (entry.template.source === "list") await tx.faceTemplate.delete({ where: { id: entry.template.id } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "face_list.entry_removed", targetType: "face_list", targetId: input.listId, details: { entryId: entry.id } });
  });
  announceFaceTemplatesChanged(input.applicationId);
}
