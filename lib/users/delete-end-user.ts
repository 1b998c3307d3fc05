import { createHash } from "node:crypto";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db";
import { purgeDeletedData } from "@/lib/db/purge-deleted-data";
import { AppError } from "@/lib/errors";
import { deleteMedia } from "@/lib/media/blob-store";
import { announceFaceTemplatesChanged } from "@/lib/search/follow-face-template-changes";

// A data-subject deletion request: everything the application holds about one vendor_data goes —
// sessions (with checks, timeline, reviews, webhook events), face templates, list entries made from
// their selfies, stored images (files first, then rows), known devices and IPs, saved API requests.
// The audit entry names the person only by a salted hash, so the log itself holds no personal data.
export async function deleteEndUser(db: Db, input: { applicationId: string; vendorData: string; actor: AuditActor }) {
  const app = input.applicationId;
  const v = input.vendorData;
  const sessions = await db.verificationSession.findMany({ where: { applicationId: app, vendorData: v }, select: { id: true } });
  const sessionIds = sessions.map((s) => s.id);
  const [entries, templates, requests] = await Promise.all([
    db.faceListEntry.findMany({ where: { sessionId: { in: sessionIds }, list: { applicationId: app } }, select: { id: true, template: { select: { id: true, mediaId: true } } } }),
    db.faceTemplate.findMany({ where: { applicationId: app, OR: [{ vendorData: v }, { sessionId: { in: sessionIds } }] }, select: { id: true, mediaId: true } }),
    db.apiRequest.findMany({ where: { applicationId: app, vendorData: v }, select: { id: true } }),
  ]);
  const templateIds = [...templates.map((t) => t.id), ...entries.map((e) => e.template.id)];
  if (sessionIds.length === 0 && templateIds.length === 0 && requests.length === 0) throw new AppError("not_found", "Nothing is stored for this vendor_data.");
  const media = await db.media.findMany({
    where: { applicationId: app, OR: [{ sessionId: { in: sessionIds } }, { requestId: { in: requests.map((r) => r.id) } }, { id: { in: [...templates, ...entries.map((e) => e.template)].map((t) => t.mediaId).filter((id): id is string => Boolean(id)) } }] },
    select: { id: true },
  });
  const images = await deleteMedia(db, media.map((m) => m.id));
  const counts = await db.$transaction(async (tx) => {
    await tx.faceListEntry.deleteMany({ where: { id: { in: entries.map((e) => e.id) } } });
    const t = await tx.faceTemplate.deleteMany({ where: { applicationId: app, id: { in: templateIds } } });
    await tx.webhookEvent.deleteMany({ where: { applicationId: app, sessionId: { in: sessionIds } } });
    const s = await tx.verificationSession.deleteMany({ where: { applicationId: app, id: { in: sessionIds } } });
    const d = await tx.knownDevice.deleteMany({ where: { applicationId: app, vendorData: v } });
    const i = await tx.knownIp.deleteMany({ where: { applicationId: app, vendorData: v } });
    const r = await tx.apiRequest.deleteMany({ where: { applicationId: app, vendorData: v } });
    const result = { sessions: s.count, templates: t.count, listEntries: entries.length, images, devices: d.count, ips: i.count, apiRequests: r.count };
    const subject = createHash("sha256").update(`${app}:${v}`).digest("hex");
    await recordAudit(tx, { actor: input.actor, applicationId: app, action: "end_user.deleted", targetType: "end_user", targetId: subject, details: result });
    return result;
  });
  announceFaceTemplatesChanged(app);
  await purgeDeletedData(db);
  return counts;
}
