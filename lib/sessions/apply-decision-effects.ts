import { recordAudit } from "@/lib/audit/record-audit";
import { decryptEmbedding } from "@/lib/crypto/encryption";
import type { Tx } from "@/lib/db";
import { createFaceTemplate, ENROLLED_SOURCES } from "@/lib/templates/create-face-template";

type SessionRow = { id: string; applicationId: string; sessionNumber: number; vendorData: string | null; workflowType: string; deviceIdHash: string | null; deviceKey: string | null; userAgent: string | null; ip: string | null };

// Device and IP seen on an approved session become "known" for this vendor_data (adaptive step-up). The
// device key the page proved at start is registered with the device: later sessions must prove it
// again (find-known-device.ts). An approval with a new key (site data cleared) re-registers.
async function rememberDeviceAndIp(tx: Tx, session: SessionRow): Promise<void> {
  if (!session.vendorData) return;
  const now = new Date();
  const key = { applicationId: session.applicationId, vendorData: session.vendorData };
  if (session.deviceIdHash) {
    const publicKey = session.deviceKey ?? undefined;
    await tx.knownDevice.upsert({
      where: { applicationId_vendorData_deviceIdHash: { ...key, deviceIdHash: session.deviceIdHash } },
      create: { ...key, deviceIdHash: session.deviceIdHash, publicKey: publicKey ?? null, userAgent: session.userAgent },
      update: { lastSeenAt: now, ...(publicKey ? { publicKey } : {}) },
    });
  }
  if (session.ip) await tx.knownIp.upsert({ where: { applicationId_vendorData_ip: { ...key, ip: session.ip } }, create: { ...key, ip: session.ip }, update: { lastSeenAt: now } });
}

// The candidate's embedding, unsealed for a new row (a sealed template is bound to its own row id).
async function latestCandidate(tx: Tx, session: SessionRow) {
  const row = await tx.faceTemplate.findFirst({ where: { applicationId: session.applicationId, sessionId: session.id, source: "candidate" }, orderBy: { createdAt: "desc" } });
  return row ? { modelId: row.modelId, embedding: decryptEmbedding(row.embedding, `template:${row.id}`) } : null;
}

// Approved: the selfie's face becomes an enrolled template of the vendor_data, as a new row (so the
// search index, which only adds rows newer than it has seen, picks it up).
async function enrol(tx: Tx, session: SessionRow): Promise<void> {
  await rememberDeviceAndIp(tx, session);
  if (!session.vendorData) return;
  const enrolled = await tx.faceTemplate.count({ where: { applicationId: session.applicationId, sessionId: session.id, source: { in: ENROLLED_SOURCES } } });
  const candidate = enrolled === 0 ? await latestCandidate(tx, session) : null;
  if (!candidate) return;
  const source = session.workflowType === "biometric_authentication" ? "reauth" : "session";
  await createFaceTemplate(tx, { applicationId: session.applicationId, ...candidate, source, vendorData: session.vendorData, sessionId: session.id });
}

// Declined with Application.autoBlocklistDeclined: the face goes on the application's built-in blocklist
// (once per session), labelled with the session so the entry leads back to the case.
async function blocklist(tx: Tx, session: SessionRow): Promise<void> {
  const app = await tx.application.findUniqueOrThrow({ where: { id: session.applicationId }, select: { autoBlocklistDeclined: true } });
  if (!app.autoBlocklistDeclined) return;
  const list = await tx.faceList.findFirst({ where: { applicationId: session.applicationId, kind: "blocklist", isSystem: true }, orderBy: { createdAt: "asc" } });
  if (!list || (await tx.faceListEntry.count({ where: { listId: list.id, sessionId: session.id } })) > 0) return;
  const candidate = await latestCandidate(tx, session);
  if (!candidate) return;
  const template = await createFaceTemplate(tx, { applicationId: session.applicationId, ...candidate, source: "list" });
  const entry = await tx.faceListEntry.create({ data: { listId: list.id, templateId: template.id, sessionId: session.id, label: `Session #${session.sessionNumber} (declined)` } });
  await recordAudit(tx, { actor: { type: "system", label: "auto-blocklist of declined sessions" }, applicationId: session.applicationId, action: "face_list.entry_added", targetType: "face_list", targetId: list.id, details: { entryId: entry.id, sessionId: session.id } });
}

/**
 * What a decision does besides the status, the same for the workflow's automatic outcome and a
 * person's decision (console or API); run by the caller inside the status change's transaction.
 * Approved enrols the face, device and IP; leaving Approved (re-open, a later decline) withdraws the
 * face it enrolled; Declined may blocklist the face (Application.autoBlocklistDeclined).
 */
export async function applyDecisionEffects(tx: Tx, input: { applicationId: string; sessionId: string; from: string; to: string }): Promise<void> {
  const session = await tx.verificationSession.findFirstOrThrow({
    where: { id: input.sessionId, applicationId: input.applicationId },
    select: { id: true, applicationId: true, sessionNumber: true, vendorData: true, workflowType: true, deviceIdHash: true, deviceKey: true, userAgent: true, ip: true },
  });
  if (input.to === "Approved") return enrol(tx, session);
  if (input.from === "Approved") await tx.faceTemplate.deleteMany({ where: { applicationId: session.applicationId, sessionId: session.id, source: { in: ENROLLED_SOURCES } } });
  if (input.to === "Declined") await blocklist(tx, session);
}
