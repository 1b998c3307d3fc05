import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { purgeDeletedData } from "@/lib/db/purge-deleted-data";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";

const BATCH = 200;

// One retention pass: images past their own expiresAt go everywhere; for applications with
// retentionDays, sessions (with their checks, timeline, reviews, images and webhook events), enrolled
// templates and saved API requests older than that go too. Face-list entries are the business's own
// lists and are kept. Work is done in batches so a large backlog never holds one huge transaction.
export async function runRetention(db: Db, input: { now?: Date } = {}) {
  const now = input.now ?? new Date();
  const totals = { media: 0, sessions: 0, templates: 0, apiRequests: 0 };
  for (;;) {
    const expired = await db.media.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take: BATCH });
    if (expired.length === 0) break;
    totals.media += await deleteMedia(db, expired.map((m) => m.id));
  }
  const apps = await db.application.findMany({ where: { retentionDays: { not: null } }, select: { id: true, retentionDays: true } });
  for (const app of apps) {
    const cutoff = new Date(now.getTime() - app.retentionDays! * 86_400_000);
    const counts = { sessions: 0, templates: 0, apiRequests: 0, media: 0 };
    for (;;) {
      const old = await db.verificationSession.findMany({ where: { applicationId: app.id, createdAt: { lt: cutoff } }, select: { id: true }, take: BATCH });
      if (old.length === 0) break;
      const ids = old.map((s) => s.id);
      const media = await db.media.findMany({ where: { sessionId: { in: ids } }, select: { id: true } });
      counts.media += await deleteMedia(db, media.map((m) => m.id));
      await db.$transaction(async (tx) => {
        await tx.faceTemplate.deleteMany({ where: { applicationId: app.id, sessionId: { in: ids }, source: { not: "list" } } });
        await tx.webhookEvent.deleteMany({ where: { applicationId: app.id, sessionId: { in: ids } } });
        counts.sessions += (await tx.verificationSession.deleteMany({ where: { id: { in: ids } } })).count;
      });
    }
    const oldTemplates = await db.faceTemplate.findMany({ where: { applicationId: app.id, createdAt: { lt: cutoff }, source: { not: "list" } }, select: { id: true, mediaId: true } });
    counts.media += await deleteMedia(db, oldTemplates.map((t) => t.mediaId).filter((id): id is string => Boolean(id)));
    counts.templates = (await db.faceTemplate.deleteMany({ where: { id: { in: oldTemplates.map((t) => t.id) } } })).count;
    const oldRequests = await db.apiRequest.findMany({ where: { applicationId: app.id, createdAt: { lt: cutoff } }, select: { id: true } });
    const requestMedia = await db.media.findMany({ where: { requestId: { in: oldRequests.map((r) => r.id) } }, select: { id: true } });
    counts.media += await deleteMedia(db, requestMedia.map((m) => m.id));
    counts.apiRequests = (await db.apiRequest.deleteMany({ where: { id: { in: oldRequests.map((r) => r.id) } } })).count;
    if (counts.sessions || counts.templates || counts.apiRequests || counts.media) {
      await recordAudit(db, { actor: { type: "system", label: "retention" }, applicationId: app.id, action: "retention.purged", details: { ...counts, retentionDays: app.retentionDays, cutoff: cutoff.toISOString() } });
    }
    if (counts.sessions || counts.templates) announceFaceTemplatesChanged(app.id);
    totals.sessions += counts.sessions;
    totals.templates += counts.templates;
    totals.apiRequests += counts.apiRequests;
    totals.media += counts.media;
  }
  if (totals.sessions || totals.templates || totals.apiRequests || totals.media) await purgeDeletedData(db);
  return totals;
}
