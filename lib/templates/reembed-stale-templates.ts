import { analyzeUpload } from "@/lib/checks/analyze-upload";
import { encryptEmbedding } from "@/lib/crypto/encryption";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { readMedia } from "@/lib/media/blob-store";
import { getRecogniserConfig } from "@/lib/vision/recogniser";

export type ReembedResult = { reembedded: number; kept: number; failed: number };

const PAGE = 100;

// The image a template was made from, where one is still kept: a list entry's stored image, or the
// selfie of the session that enrolled the face. A portrait sent with a session is kept only as its
// template, and a session's selfie is not the portrait, so portrait templates have none.
async function sourceImageOf(db: Db, t: { mediaId: string | null; sessionId: string | null; source: string }): Promise<Buffer | null> {
  if (t.mediaId) return (await readMedia(db, t.mediaId))?.bytes ?? null;
  if (!t.sessionId || (t.source !== "session" && t.source !== "reauth")) return null;
  const selfie = await db.media.findFirst({ where: { sessionId: t.sessionId, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true } });
  return selfie ? ((await readMedia(db, selfie.id))?.bytes ?? null) : null;
}

/**
 * After a recogniser change, re-embeds every template made by another model from the image it was
 * made from, in place (same row, list entries and ids), so 1:N search, lists and re-authentication
 * use the new model. Templates with no image left keep their model id and are compared through the
 * model that made them (compareWithTemplate). Safe to run on several instances at once and to stop
 * at any point: each row moves in one conditional update.
 */
export async function reembedStaleTemplates(db: Db, { log = logger.info } = {}): Promise<ReembedResult> {
  const current = getRecogniserConfig().modelId;
  const result: ReembedResult = { reembedded: 0, kept: 0, failed: 0 };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.faceTemplate.findMany({
      where: { modelId: { not: current }, ...(cursor ? { id: { gt: cursor } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, modelId: true, mediaId: true, sessionId: true, source: true },
    });
    if (page.length === 0) break;
    cursor = page[page.length - 1].id;
    for (const t of page) {
      try {
        const bytes = await sourceImageOf(db, t);
        const face = bytes ? (await analyzeUpload({ field: "template", bytes: new Uint8Array(bytes), rotate: true })).analysis.primary : undefined;
        if (!face) {
          result.kept++;
          continue;
        }
        const moved = await db.faceTemplate.updateMany({ where: { id: t.id, modelId: t.modelId }, data: { modelId: face.modelId, embedding: encryptEmbedding(face.embedding, `template:${t.id}`) } });
        result.reembedded += moved.count;
      } catch (error) {
        result.failed++;
        logger.warn("face template not re-embedded", { templateId: t.id, error: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  if (result.reembedded + result.kept + result.failed > 0) log("face templates of earlier recognisers", { recogniser: current, ...result });
  return result;
}
