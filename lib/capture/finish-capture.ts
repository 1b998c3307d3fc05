import type { AnalyzedUpload } from "@/lib/checks/analyze-upload";
import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import type { StoredChallenge } from "@/lib/capture/session-context";
import { hashToken } from "@/lib/crypto/tokens";
import { Prisma, type Db, type Tx } from "@/lib/db";
import { changeSessionStatus } from "@/lib/sessions/change-session-status";
import { createFaceTemplate } from "@/lib/templates/create-face-template";
import { createWarning, type Warning } from "@/lib/verification/warnings";
import type { FinalStatus } from "@/lib/workflows/types";

export function deviceHash(applicationId: string, deviceId: string): string {
  return hashToken(`${applicationId}:${deviceId}`);
}

// Device and IP seen on an approved session become "known" for this vendor_data (adaptive step-up). The
// device key the page proved at start is registered with the device: later sessions must prove it
// again (find-known-device.ts). An approval with a new key (site data cleared) re-registers.
async function rememberDeviceAndIp(tx: Tx, session: CaptureSessionRow): Promise<void> {
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

// The outcome of the workflow becomes the session status (with its webhook, one transaction). An
// approved session with a live selfie enrols that face for its vendor_data (re-authentication).
export async function finishCapture(db: Db, input: { session: CaptureSessionRow; status: FinalStatus; pathTaken: string[]; selfie: AnalyzedUpload | null; reason: string; lastChallenge?: StoredChallenge | null }) {
  const { session } = input;
  const face = input.selfie?.analysis.primary;
  await changeSessionStatus(db, {
    applicationId: session.applicationId,
    sessionId: session.id,
    from: ["In Progress"],
    to: input.status,
    actor: "end_user",
    reason: input.reason,
    data: { pathTaken: input.pathTaken, challenge: Prisma.DbNull },
    apply: async (tx) => {
      if (input.status === "Declined" && input.lastChallenge && input.lastChallenge.attempt >= input.lastChallenge.maxAttempts) {
        const last = await tx.checkResult.findFirst({ where: { sessionId: session.id, feature: "LIVENESS" }, orderBy: { createdAt: "desc" } });
        if (last?.status === "Declined") await tx.checkResult.update({ where: { id: last.id }, data: { warnings: [...(last.warnings as Warning[]), createWarning("LIVENESS_MAX_ATTEMPTS_EXCEEDED")] } });
      }
      if (input.status !== "Approved") return;
      await rememberDeviceAndIp(tx, session);
      if (face && session.vendorData) {
        await createFaceTemplate(tx, { applicationId: session.applicationId, embedding: face.embedding, modelId: face.modelId, source: session.workflowType === "biometric_authentication" ? "reauth" : "session", vendorData: session.vendorData, sessionId: session.id });
      }
    },
  });
}
