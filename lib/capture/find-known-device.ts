import type { CaptureSessionRow } from "@/lib/capture/find-capture-session";
import { verifyDeviceKey, type DeviceKeyProof } from "@/lib/capture/verify-device-key";
import type { Db } from "@/lib/db";
import type { DeviceKeyStatus } from "@/lib/workflows/types";

export type KnownDeviceCheck = { known: boolean; keyStatus: DeviceKeyStatus; verifiedKey: string | null };

// A device is known only when the cookie names a device this end user was approved on AND the page
// proved it holds that device's registered key by signing this session's nonce. The cookie alone can
// be copied; the key is non-extractable and never leaves the browser that made it.
export async function findKnownDevice(db: Db, input: { session: CaptureSessionRow; deviceIdHash: string; proof: DeviceKeyProof | null }): Promise<KnownDeviceCheck> {
  const { session, proof } = input;
  const verified = Boolean(proof && session.deviceNonce && verifyDeviceKey({ ...proof, sessionId: session.id, nonce: session.deviceNonce }));
  const verifiedKey = verified ? proof!.publicKey : null;
  if (!proof) return { known: false, keyStatus: "absent", verifiedKey };
  if (!verifiedKey) return { known: false, keyStatus: "invalid", verifiedKey };
  const row = session.vendorData
    ? await db.knownDevice.findUnique({ where: { applicationId_vendorData_deviceIdHash: { applicationId: session.applicationId, vendorData: session.vendorData, deviceIdHash: input.deviceIdHash } } })
    : null;
  if (!row?.publicKey) return { known: false, keyStatus: "new", verifiedKey };
  if (row.publicKey !== verifiedKey) return { known: false, keyStatus: "mismatch", verifiedKey };
  return { known: true, keyStatus: "registered", verifiedKey };
}
