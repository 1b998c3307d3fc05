import { analyzeUpload } from "@/lib/checks/analyze-upload";
import { encryptEmbedding } from "@/lib/crypto/encryption";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { readMedia } from "@/lib/media/blob-store";
import { getRecogniserConfig } from "@/lib/vision/recogniser";

export type ReembedResult = { reembedded: number; kept: number; failed: number };

const PAGE = 100;

type StaleTemplate = { id: string; modelId: string; mediaId: string | null; sessionId: string | null; source: string };

// The stored image each template of a page was made from, where one is still kept: a list entry's
// image, a portrait kept for review, or the newest selfie of the session that enrolled the face (one
// query for the page). A session's selfie is not its portrait, so a portrait no longer kept has none.
async function sourceMediaIds(db: Db, page: StaleTemplate[]): Promise<Map<string, string>> {
  const enrolledBy = (t: StaleTemplate) => (!t.mediaId && t.sessionId && (t.source === "session" || t.source === "reauth" || t.source === "candidate") ? t.sessionId : null);
  const sessionIds = [...new Set(page.map(enrolledBy).filter((id): id is string => id !== null))];
  const selfies = sessionIds.length ? await db.media.findMany({ where: { sessionId: { in: sessionIds }, kind: "selfie" }, orderBy: { createdAt: "desc" }, select: { id: true, sessionId: true } }) : [];
  const newestSelfie = new Map<string, string>();
  for (const m of selfies) if (m.sessionId && !newestSelfie.has(m.sessionId)) newestSelfie.set(m.sessionId, m.id);
  const out = new Map<string, string>();
  for (const t of page) {
    const mediaId = t.mediaId ?? newestSelfie.get(enrolledBy(t) ?? "");
    if (mediaId) out.set(t.id, mediaId);
  }
  return out;
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
    const media = await sourceMediaIds(db, page);
    for (const t of page) {
      try {
        const mediaId = media.get(t.id);
        const bytes = mediaId ? ((await readMedia(db, mediaId))?.bytes ?? null) : null;
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
