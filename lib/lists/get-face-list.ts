import type { Db } from "@/lib/db";
import { createSignedMediaUrl } from "@/lib/media/signed-url";

// One list with its entries, newest first, each with a short-lived thumbnail link to its stored face.
export async function getFaceList(db: Db, input: { applicationId: string; listId: string }) {
  const list = await db.faceList.findFirst({
    where: { id: input.listId, applicationId: input.applicationId },
    include: { entries: { orderBy: { createdAt: "desc" }, include: { template: { select: { mediaId: true } } } } },
  });
  if (!list) return null;
  return {
    id: list.id,
    name: list.name,
    kind: list.kind,
    isSystem: list.isSystem,
    createdAt: list.createdAt,
    entries: list.entries.map((e) => ({ id: e.id, label: e.label, sessionId: e.sessionId, createdAt: e.createdAt.toISOString(), thumbnail: e.template.mediaId ? createSignedMediaUrl(e.template.mediaId) : null })),
  };
}
