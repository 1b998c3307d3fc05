import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";

export async function createFaceList(db: Db, input: { applicationId: string; name: string; kind: "blocklist" | "allowlist"; actor: AuditActor }) {
  return db.$transaction(async (tx) => {
    const list = await tx.faceList.create({ data: { applicationId: input.applicationId, name: input.name, kind: input.kind } });
    await recordAudit(tx, { actor: input.actor, applicationId: input.applicationId, action: "face_list.created", targetType: "face_list", targetId: list.id, details: { name: list.name, kind: list.kind } });
    return { id: list.id, name: list.name, kind: list.kind, isSystem: list.isSystem, entries: 0 };
  });
}
