import { createPublicKey, verify } from "node:crypto";
import { formatDeviceKeyMessage } from "@/lib/capture/format-device-key-message";

export type DeviceKeyProof = { publicKey: string; signature: string };

// True when `signature` (IEEE P1363 r||s, as WebCrypto produces it) is the P-256 key's signature of
// this session's nonce. Anything malformed is simply not a proof: the device then counts as new.
export function verifyDeviceKey(input: DeviceKeyProof & { sessionId: string; nonce: string }): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(input.publicKey, "base64url"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") return false;
    const message = Buffer.from(formatDeviceKeyMessage({ sessionId: input.sessionId, nonce: input.nonce }));
    return verify("sha256", message, { key, dsaEncoding: "ieee-p1363" }, Buffer.from(input.signature, "base64url"));
  } catch {
    return false;
  }
}
