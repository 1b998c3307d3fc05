import sharp from "sharp";
import type { Db } from "@/lib/db";
import { readMedia } from "@/lib/media/blob-store";

export type ReportImage = { label: string; jpeg: Buffer };
const MAX_IMAGES = 8;
const MAX_SIDE = 480;

type Check = { attempt: number; feature: string; mediaIds: unknown };

// The session's images for the PDF, decrypted in memory and shrunk to a bounded JPEG: each attempt's
// selfie, the reference it was compared with where one is kept, and any other image of the session.
export async function loadReportImages(db: Db, input: { session: { id: string; portraitMediaId: string | null; referenceTemplateId: string | null }; checks: Check[] }): Promise<ReportImage[]> {
  const wanted: { label: string; mediaId: string }[] = [];
  const want = (label: string, mediaId: string | null | undefined) => {
    if (mediaId && !wanted.some((w) => w.mediaId === mediaId)) wanted.push({ label, mediaId });
  };
  for (const c of input.checks) for (const id of Object.values((c.mediaIds ?? {}) as Record<string, string>)) want(`Attempt ${c.attempt}: selfie`, id);
  const template = input.session.referenceTemplateId ? await db.faceTemplate.findUnique({ where: { id: input.session.referenceTemplateId }, select: { mediaId: true, sessionId: true } }) : null;
  want("Reference: portrait_image sent with the session", input.session.portraitMediaId);
  want("Reference: enrolled face", template?.mediaId);
  if (!template?.mediaId && template?.sessionId && template.sessionId !== input.session.id) {
    const enrolling = await db.media.findFirst({ where: { sessionId: template.sessionId, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
    want("Reference: selfie of the session that enrolled the face", enrolling?.id);
  }
  const others = await db.media.findMany({ where: { sessionId: input.session.id }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true }, take: MAX_IMAGES * 2 });
  for (const m of others) want(`Session image (${m.kind.replaceAll("_", " ")})`, m.id);
  const images: ReportImage[] = [];
  for (const w of wanted.slice(0, MAX_IMAGES)) {
    const media = await readMedia(db, w.mediaId);
    if (!media) continue;
    const jpeg = await sharp(media.bytes, { failOn: "none", autoOrient: true }).resize(MAX_SIDE, MAX_SIDE, { fit: "inside", withoutEnlargement: true }).flatten({ background: "#ffffff" }).jpeg({ quality: 80 }).toBuffer();
    images.push({ label: w.label, jpeg });
  }
  return images;
}
