import type { Db } from "@/lib/db";
import type { FaceMatchHit } from "@/lib/checks/find-face-matches";
import type { WarningData } from "@/lib/verification/warnings";

// What a blocklist or duplicate hit matched, resolved from the index entry: the session the face came
// from (its number and vendor_data) and, for a list entry, the list. Ids only; no image or template.
export type MatchedFace = {
  sessionId: string | null;
  sessionNumber: number | null;
  vendorData: string | null;
  listId: string | null;
  listName: string | null;
  listEntryId: string | null;
  similarity: number;
};

export async function lookUpMatchedFace(db: Db, input: { applicationId: string; hit: FaceMatchHit }): Promise<MatchedFace> {
  const { entry } = input.hit;
  const listEntry = entry.kind === "list" ? await db.faceListEntry.findFirst({ where: { templateId: entry.id }, include: { list: { select: { id: true, name: true } } } }) : null;
  const sessionId = entry.kind === "list" ? (listEntry?.sessionId ?? null) : (entry.refId ?? null);
  const session = sessionId
    ? await db.verificationSession.findFirst({ where: { id: sessionId, applicationId: input.applicationId }, select: { id: true, sessionNumber: true, vendorData: true } })
    : null;
  return {
    sessionId: session?.id ?? null,
    sessionNumber: session?.sessionNumber ?? null,
    vendorData: session?.vendorData ?? entry.vendorData ?? null,
    listId: listEntry?.list.id ?? entry.listId ?? null,
    listName: listEntry?.list.name ?? null,
    listEntryId: listEntry?.id ?? null,
    similarity: input.hit.similarity,
  };
}

// The warning's `additional_data`, named as the hosted service names it (blocklisted_… / duplicated_…),
// plus vendor_data, the list and the similarity. api_service is null for a face from a verification
// session and "face_list" for a face uploaded straight to a list.
export function matchAdditionalData(risk: "FACE_IN_BLOCKLIST" | "DUPLICATED_FACE", m: MatchedFace): WarningData {
  const prefix = risk === "FACE_IN_BLOCKLIST" ? "blocklisted" : "duplicated";
  return {
    [`${prefix}_session_id`]: m.sessionId,
    [`${prefix}_session_number`]: m.sessionNumber,
    api_service: m.sessionId ? null : "face_list",
    vendor_data: m.vendorData,
    ...(risk === "FACE_IN_BLOCKLIST" ? { list_id: m.listId, list_name: m.listName, list_entry_id: m.listEntryId } : {}),
    similarity: m.similarity,
  };
}

// matchAdditionalData read back from a stored warning (each field null where it is missing).
export function readMatchAdditionalData(risk: "FACE_IN_BLOCKLIST" | "DUPLICATED_FACE", d: WarningData): Omit<MatchedFace, "similarity"> & { similarity: number | null } {
  const prefix = risk === "FACE_IN_BLOCKLIST" ? "blocklisted" : "duplicated";
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  return {
    sessionId: str(d[`${prefix}_session_id`]),
    sessionNumber: num(d[`${prefix}_session_number`]),
    vendorData: str(d.vendor_data),
    listId: str(d.list_id),
    listName: str(d.list_name),
    listEntryId: str(d.list_entry_id),
    similarity: num(d.similarity),
  };
}

// "Matches session #12 (vendor_data user-7) on the list "Fraud"; similarity 97."
export function describeMatch(m: MatchedFace): string {
  const who = m.sessionNumber !== null ? `session #${m.sessionNumber}` : "a face";
  const vendor = m.vendorData ? ` (vendor_data ${m.vendorData})` : "";
  const list = m.listName ? ` on the list "${m.listName}"` : "";
  return `Matches ${who}${vendor}${list}; similarity ${m.similarity}.`;
}
