import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { getEncryptionKey, getPreviousEncryptionKeys } from "@/lib/crypto/instance-secrets";

// AES-256-GCM envelope for biometric data at rest (face templates, stored images, webhook secrets).
// Layout: version(1) | keyId(4) | iv(12) | tag(16) | ciphertext. The key id (a hash prefix of the key)
// picks the key that opens an envelope (the current one or, during a rotation, a previous one) and
// makes a wrong key fail with a clear error instead of a bare authentication failure.
const VERSION = 1;
const HEADER = 1 + 4 + 12 + 16;

// The configured keys are the same few Buffers for the life of the process: hash each once, not on
// every decrypt (templates are decrypted by the thousand when a search index loads).
const keyIds = new WeakMap<Buffer, Buffer>();
function keyId(key: Buffer): Buffer {
  let id = keyIds.get(key);
  if (!id) keyIds.set(key, (id = createHash("sha256").update(key).digest().subarray(0, 4)));
  return id;
}

/** The key id of a key, as hex (what logs and error messages show). */
export function describeKeyId(key: Buffer): string {
  return keyId(key).toString("hex");
}

/** The key id an envelope was sealed with, as hex; null when it is not an envelope. */
export function sealedKeyId(sealed: Uint8Array): string | null {
  if (sealed.byteLength < HEADER || sealed[0] !== VERSION) return null;
  return Buffer.from(sealed.buffer, sealed.byteOffset + 1, 4).toString("hex");
}

// The configured key whose id the envelope names: the current key or one of ENCRYPTION_KEY_PREVIOUS.
function keyFor(buf: Buffer): Buffer {
  const id = buf.subarray(1, 5);
  const current = getEncryptionKey();
  if (id.equals(keyId(current))) return current;
  const previous = getPreviousEncryptionKeys().find((k) => id.equals(keyId(k)));
  if (previous) return previous;
  throw new Error(`Encrypted with a different key (key id ${id.toString("hex")}; ENCRYPTION_KEY is ${describeKeyId(current)}): check ENCRYPTION_KEY, or set the old key in ENCRYPTION_KEY_PREVIOUS`);
}

export function encrypt(plaintext: Uint8Array, key: Buffer = getEncryptionKey(), aad?: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  if (aad) cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), keyId(key), iv, cipher.getAuthTag(), body]);
}

// Without an explicit key, the envelope's key id picks one of the configured keys.
export function decrypt(sealed: Uint8Array, explicitKey?: Buffer, aad?: string): Buffer {
  const buf = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (buf.length < HEADER || buf[0] !== VERSION) throw new Error("Not an encrypted payload");
  // keyFor already matched the envelope's key id; an explicit key is checked here
  const key = explicitKey ?? keyFor(buf);
  if (explicitKey && !buf.subarray(1, 5).equals(keyId(key))) throw new Error("Encrypted with a different key (check ENCRYPTION_KEY)");
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
