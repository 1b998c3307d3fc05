import { randomBytes } from "node:crypto";
import { avoidFlashing, mayFlash } from "@/lib/capture/avoid-flashing";
import { toCaptureSession, toCaptureSettings } from "@/lib/capture/capture-settings";
import { decideStepUp } from "@/lib/capture/decide-step-up";
import { findCaptureSessionOrThrow } from "@/lib/capture/find-capture-session";
import { findKnownDevice } from "@/lib/capture/find-known-device";
import { deviceHash, finishCapture } from "@/lib/capture/finish-capture";
import { runCaptureChecks } from "@/lib/capture/run-capture-checks";
import type { StoredStepUp } from "@/lib/capture/session-context";
import { livenessMethods } from "@/lib/workflows/liveness-methods";
import type { DeviceKeyProof } from "@/lib/capture/verify-device-key";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isAnonymousIp } from "@/lib/ip/anonymous-networks";
import { changeSessionStatus } from "@/lib/sessions/change-session-status";
import { sessionCompleteWithinMs } from "@/lib/sessions/session-timing";

export const DEVICE_COOKIE = "faceid_device";

export function newDeviceId(): string {
  return randomBytes(24).toString("base64url");
}

// POST /api/capture/{token}/start: the user opened the page and pressed start. Not Started -> In Progress
// (webhook), device and IP recorded, adaptive step-up decided, then the first challenge (or the outcome).
// `ip` is null when the client's address is unknown: then it is never a known IP. `avoidFlashing`: the
// person chose the head-turn check over flashing colours (before or during the capture).
export async function startCapture(input: { token: string; deviceId: string; deviceKey: DeviceKeyProof | null; ip: string | null; userAgent: string | null; avoidFlashing?: boolean }) {
  const db = getDb();
  let session = await findCaptureSessionOrThrow(input.token);
  if (session.status !== "Not Started" && session.status !== "In Progress" && session.status !== "Resubmitted") return session;
  if (session.expiresAt < new Date()) throw new AppError("gone", "This verification link has expired.");
  if (session.status === "Resubmitted") {
    // a reviewer asked for a new attempt: the same device and step-up, a fresh run of the workflow
    await changeSessionStatus(db, { applicationId: session.applicationId, sessionId: session.id, from: ["Resubmitted"], to: "In Progress", actor: "end_user", reason: "new attempt after a resubmission request", data: { abandonAt: new Date(Date.now() + sessionCompleteWithinMs()), decidedBy: Prisma.DbNull } });
    session = await findCaptureSessionOrThrow(input.token);
  }
  if (session.status === "Not Started") {
    const hash = deviceHash(session.applicationId, input.deviceId);
    const [device, knownIps] = await Promise.all([
      findKnownDevice(db, { session, deviceIdHash: hash, proof: input.deviceKey }),
      session.vendorData && input.ip ? db.knownIp.count({ where: { applicationId: session.applicationId, vendorData: session.vendorData, ip: input.ip } }) : 0,
    ]);
    const signals = { known_device: device.known, known_ip: knownIps > 0, anonymous_network: isAnonymousIp(input.ip), device_key: device.keyStatus };
    const workflowMethod = livenessMethods(session.workflowVersion?.graph)[0] ?? "PASSIVE";
    const decided = decideStepUp({ knownDevice: signals.known_device, knownIp: signals.known_ip, anonymousNetwork: signals.anonymous_network }, workflowMethod);
    const stepUp: StoredStepUp = { ...decided, signals };
    await changeSessionStatus(db, {
      applicationId: session.applicationId,
      sessionId: session.id,
      from: ["Not Started"],
      to: "In Progress",
      actor: "end_user",
      reason: "capture started",
      data: { startedAt: new Date(), abandonAt: new Date(Date.now() + sessionCompleteWithinMs()), deviceIdHash: hash, deviceKey: device.verifiedKey, ip: input.ip, userAgent: input.userAgent?.slice(0, 400) ?? null, stepUp: session.workflowType === "biometric_authentication" ? stepUp : { action: "capture", method: workflowMethod, reason: "verification", signals } },
    });
    session = await findCaptureSessionOrThrow(input.token);
    if (session.workflowType === "biometric_authentication" && stepUp.action === "skip") {
      await finishCapture(db, { session, status: "Approved", pathTaken: ["step-up:skip"], selfie: null, reason: `selfie skipped: ${stepUp.reason}`, decidedBy: { rule: "step_up_skip", reason: stepUp.reason }, splitBranches: null });
      return findCaptureSessionOrThrow(input.token);
    }
  }
  if (input.avoidFlashing && mayFlash(session)) {
    await avoidFlashing(db, session);
    session = await findCaptureSessionOrThrow(input.token);
  }
  if (session.challenge) return session;
  const progress = await runCaptureChecks(db, { session: toCaptureSession(session), settings: toCaptureSettings(session) });
  if (progress.kind === "outcome") await finishCapture(db, { session, status: progress.status, pathTaken: progress.pathTaken, selfie: null, reason: "workflow finished", decidedBy: progress.decidedBy, splitBranches: progress.splitBranches });
  else await db.verificationSession.update({ where: { id: session.id }, data: { challenge: progress.challenge, splitBranches: progress.splitBranches } });
  return findCaptureSessionOrThrow(input.token);
}
