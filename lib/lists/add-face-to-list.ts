import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { analyzeUpload } from "@/lib/checks/analyze-upload";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { storeMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";
import { createFaceTemplate } from "@/lib/templates/create-face-template";

// Adds the largest face of an uploaded image to a blocklist or allowlist. Only the sealed template and
// the sealed image are kept; the entry is what the checks compare new faces against.
export async function addFaceToList(input: { applicationId: string; listId: string; bytes: Uint8Array; label?: string | null; actor: AuditActor }) {
  const db = getDb();
  const list = await db.faceList.findFirst({ where: { id: input.listId, applicationId: input.applicationId } });
  if (!list) throw new AppError("not_found", "No face list with this id.");
  const upload = await analyzeUpload({ field: "image", bytes: input.bytes, rotate: true });
  const face = upload.analysis.primary;
  if (!face) throw new AppError("unprocessable", "No face was found in the image.", { field: "image" });
  const media = await storeMedia(db, { applicationId: input.applicationId, kind: "list_face", mimeType: `image/${upload.image.format}`, bytes: input.bytes });
  const added = await db.$transaction(async (tx) => {
    const template = await createFaceTemplate(tx, { applicationId: input.applicationId, embedding: face.embedding, modelId: face.modelId, source: "list", mediaId: media.id });
    const entry = await tx.faceListEntry.create({ data: { listId: list.id, templateId: template.id, label: input.label ?? null } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "face_list.entry_added", targetType: "face_list", targetId: list.id, details: { entryId: entry.id, label: input.label ?? null } });
    return { id: entry.id, listId: list.id, label: entry.label, createdAt: entry.createdAt, faces: upload.analysis.faces.length };
  });
  announceFaceTemplatesChanged(input.applicationId);
  return added;
}
