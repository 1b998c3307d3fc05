import { randomBytes } from "node:crypto";
import { decryptString, encryptString } from "@/lib/crypto/encryption";

// Secrets are sealed at rest with the instance key; the destination id is bound in as associated data so
// a sealed secret copied onto another destination row does not open.
const aad = (destinationId: string) => `webhook_destination:${destinationId}`;

export function createDestinationSecret(destinationId: string): { secret: string; sealed: Uint8Array<ArrayBuffer> } {
  const secret = randomBytes(32).toString("base64url");
  return { secret, sealed: new Uint8Array(encryptString(secret, aad(destinationId))) };
}

export function openDestinationSecret(destinationId: string, sealed: Uint8Array): string {
  return decryptString(sealed, aad(destinationId));
}
