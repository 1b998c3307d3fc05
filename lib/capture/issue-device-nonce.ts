import { randomBytes } from "node:crypto";
import { findCaptureSessionOrThrow, type CaptureSessionRow } from "@/lib/capture/find-capture-session";
import { getDb } from "@/lib/db";

// A session not started yet gets its random device nonce the first time the page loads it; the
// page's device key signs it when the user presses start (verify-device-key.ts).
export async function issueDeviceNonce(session: CaptureSessionRow, token: string): Promise<CaptureSessionRow> {
  if (session.status !== "Not Started" || session.deviceNonce) return session;
  const nonce = randomBytes(24).toString("base64url");
  await getDb().verificationSession.updateMany({ where: { id: session.id, status: "Not Started", deviceNonce: null }, data: { deviceNonce: nonce } });
  return findCaptureSessionOrThrow(token);
}
