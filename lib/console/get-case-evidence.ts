import { readMatchAdditionalData } from "@/lib/checks/describe-matched-face";
import type { Db } from "@/lib/db";
import { getSessionImages } from "@/lib/console/get-session-images";
import { createSignedMediaUrl } from "@/lib/media/signed-url";
import type { Warning } from "@/lib/verification/warnings";

type Image = { mediaId: string; url: string };
export type CaseAttempt = Image & { attempt: number; feature: string; status: string; kind: string };
export type CaseMatch = {
  risk: string;
  similarity: number | null;
  sessionId: string | null;
  sessionNumber: number | null;
  vendorData: string | null;
  list: { id: string; name: string | null } | null;
  image: Image | null;
};

const MATCH_RISKS = new Set(["FACE_IN_BLOCKLIST", "DUPLICATED_FACE"]);
const image = (id: string | null | undefined): Image | null => (id ? { mediaId: id, url: createSignedMediaUrl(id) } : null);

// The evidence of one case, for the side-by-side view: selfie and reference, every attempt's stored
// image (failed attempts too), what its duplicate and blocklist warnings matched (with that face's
// image where it is still kept), and the lists this session's face was added to.
export async function getCaseEvidence(db: Db, input: { applicationId: string; sessionId: string }) {
  const s = await db.verificationSession.findFirst({
    where: { id: input.sessionId, applicationId: input.applicationId },
    select: {
      id: true,
      referenceTemplateId: true,
      status: true,
      application: { select: { keepReferenceImages: true } },
      checks: { orderBy: { createdAt: "asc" }, select: { feature: true, attempt: true, status: true, mediaIds: true, warnings: true } },
    },
  });
  if (!s) return null;
  const images = await getSessionImages(db, s);
  const stored = s.checks.flatMap((c) => Object.entries((c.mediaIds ?? {}) as Record<string, string>).map(([kind, mediaId]) => ({ ...c, kind, mediaId })));
  const present = new Set((await db.media.findMany({ where: { id: { in: stored.map((a) => a.mediaId) }, sessionId: s.id }, select: { id: true } })).map((m) => m.id));
  const attempts: CaseAttempt[] = [];
  for (const a of stored) {
    if (!present.has(a.mediaId) || attempts.some((x) => x.mediaId === a.mediaId)) continue;
    attempts.push({ attempt: a.attempt, feature: a.feature, status: a.status, kind: a.kind, ...image(a.mediaId)! });
  }

  const warned = s.checks.flatMap((c) => (c.warnings ?? []) as Warning[]).filter((w) => MATCH_RISKS.has(w.risk) && w.additional_data);
  const matches: CaseMatch[] = [];
  for (const w of warned) {
    const d = readMatchAdditionalData(w.risk as "FACE_IN_BLOCKLIST" | "DUPLICATED_FACE", w.additional_data!);
    if (matches.some((m) => m.risk === w.risk && m.sessionId === d.sessionId && m.list?.id === d.listId)) continue;
    const matched = d.sessionId ? await db.verificationSession.findFirst({ where: { id: d.sessionId, applicationId: input.applicationId }, select: { id: true } }) : null;
    const selfie = matched ? await db.media.findFirst({ where: { sessionId: matched.id, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } }) : null;
    const entry = d.listEntryId && !selfie ? await db.faceListEntry.findFirst({ where: { id: d.listEntryId, list: { applicationId: input.applicationId } }, select: { template: { select: { mediaId: true } } } }) : null;
    matches.push({
      risk: w.risk,
      similarity: d.similarity,
      sessionId: matched?.id ?? null,
      sessionNumber: d.sessionNumber,
      vendorData: d.vendorData,
      list: d.listId ? { id: d.listId, name: d.listName } : null,
      image: image(selfie?.id ?? entry?.template.mediaId),
    });
  }

  const onLists = await db.faceListEntry.findMany({ where: { sessionId: s.id, list: { applicationId: input.applicationId } }, orderBy: { createdAt: "asc" }, select: { id: true, list: { select: { id: true, name: true, kind: true } } } });
  return {
    sessionId: s.id,
    selfie: image(images.selfieMediaId),
    reference: image(images.referenceMediaId),
    referenceNote: images.referenceSource,
    attempts,
    matches,
    lists: onLists.map((e) => ({ entryId: e.id, ...e.list })),
  };
}
export type CaseEvidence = NonNullable<Awaited<ReturnType<typeof getCaseEvidence>>>;

// The stored images a reviewer may have the engine explain for this case: nothing outside it.
export function caseMediaIds(e: CaseEvidence): Set<string> {
  return new Set([e.selfie?.mediaId, e.reference?.mediaId, ...e.attempts.map((a) => a.mediaId), ...e.matches.map((m) => m.image?.mediaId)].filter((id): id is string => Boolean(id)));
}
