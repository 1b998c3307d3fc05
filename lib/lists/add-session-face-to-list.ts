import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readMedia } from "@/lib/media/blob-store";
import { addFaceToList } from "@/lib/lists/add-face-to-list";

// Puts a session's selfie on a list (e.g. a fraudster a reviewer just declined). The entry gets its own
// template and image copy, so deleting the session later does not silently empty the blocklist. Once
// per list; audited on the list and on the session (its case trail).
export async function addSessionFaceToList(db: Db, input: { applicationId: string; listId: string; sessionId: string; label?: string | null; actor: AuditActor }) {
  const session = await db.verificationSession.findFirst({ where: { id: input.sessionId, applicationId: input.applicationId }, select: { id: true, sessionNumber: true } });
  if (!session) throw new AppError("not_found", "No session with this id.", { field: "sessionId" });
  const listed = await db.faceListEntry.findFirst({ where: { listId: input.listId, sessionId: session.id }, select: { id: true } });
  if (listed) throw new AppError("conflict", "This session's face is already on this list.", { field: "listId" });
  const selfie = await db.media.findFirst({ where: { sessionId: session.id, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  const image = selfie ? await readMedia(db, selfie.id) : null;
  if (!image) throw new AppError("unprocessable", "This session has no stored selfie.", { field: "sessionId" });
  const entry = await addFaceToList({ applicationId: input.applicationId, listId: input.listId, bytes: new Uint8Array(image.bytes), label: input.label ?? `Session #${session.sessionNumber}`, actor: input.actor });
  await db.$transaction(async (tx) => {
    await tx.faceListEntry.update({ where: { id: entry.id }, data: { sessionId: session.id } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "session.face_listed", targetType: "session", targetId: session.id, details: { listId: input.listId, entryId: entry.id } });
  });
  return { ...entry, sessionId: session.id };
}
