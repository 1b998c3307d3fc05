import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getEncryptionKey } from "@/lib/crypto/instance-secrets";

// AES-256-GCM envelope for biometric data at rest (face templates, stored images, webhook secrets).
// Layout: version(1) | keyId(4) | iv(12) | tag(16) | ciphertext. The key id (a hash prefix of the key)
// makes a wrong or rotated key fail with a clear error instead of a bare authentication failure.
const VERSION = 1;
const HEADER = 1 + 4 + 12 + 16;

function keyId(key: Buffer): Buffer {
  return createHash("sha256").update(key).digest().subarray(0, 4);
}

export function encrypt(plaintext: Uint8Array, key: Buffer = getEncryptionKey(), aad?: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), keyId(key), iv, cipher.getAuthTag(), body]);
}

export function decrypt(sealed: Uint8Array, key: Buffer = getEncryptionKey(), aad?: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < HEADER || buf[0] !== VERSION) throw new Error("Not an encrypted payload");
  if (!buf.subarray(1, 5).equals(keyId(key))) throw new Error("Encrypted with a different key (check ENCRYPTION_KEY)");
  const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(5, 17));
  if (aad) decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(buf.subarray(17, 33));
  return Buffer.concat([decipher.update(buf.subarray(HEADER)), decipher.final()]);
}

// Prisma's Bytes columns take Uint8Array<ArrayBuffer>; a Buffer may sit on a shared pool, so copy.
function toColumnBytes(buf: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buf);
}

export function encryptString(text: string, aad?: string): Uint8Array<ArrayBuffer> {
  return toColumnBytes(encrypt(Buffer.from(text, "utf8"), undefined, aad));
}

export function decryptString(sealed: Uint8Array, aad?: string): string {
  return decrypt(sealed, undefined, aad).toString("utf8");
}

export function encryptEmbedding(embedding: Float32Array, aad?: string): Uint8Array<ArrayBuffer> {
  return toColumnBytes(encrypt(new Uint8Array(embedding.buffer, embedding.byteOffset, embedding.byteLength), undefined, aad));
}

export function decryptEmbedding(sealed: Uint8Array, aad?: string): Float32Array {
  const bytes = decrypt(sealed, undefined, aad);
  // copy into an aligned buffer: Buffer slices may start at an odd offset
  return new Float32Array(new Uint8Array(bytes).buffer);
}
