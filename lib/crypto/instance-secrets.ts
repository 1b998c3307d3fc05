import { randomBytes, hkdfSync } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";

// Secrets that must survive restarts but need not be configured: generated once into DATA_DIR/secrets
// with 0600 permissions. An operator can pin them with ENCRYPTION_KEY / AUTH_SECRET instead.
function readOrCreateSecret(name: string, bytes: number): Buffer {
  const dir = path.join(getEnv().dataDir, "secrets");
  const file = path.join(dir, name);
  try {
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(bytes);
  try {
    // "wx" fails if another process created it first; then read theirs so both agree.
    writeFileSync(file, secret.toString("base64"), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  }
}

export function parseKey(value: string): Buffer {
  const trimmed = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) throw new Error("ENCRYPTION_KEY must be 32 bytes, as 64 hex characters or base64");
  return key;
}

let encryptionKey: Buffer | undefined;
let previousKeys: Buffer[] | undefined;
let appSecret: Buffer | undefined;

export function getEncryptionKey(): Buffer {
  const configured = getEnv().ENCRYPTION_KEY;
  encryptionKey ??= configured ? parseKey(configured) : readOrCreateSecret("encryption.key", 32);
  return encryptionKey;
}

// During a key rotation the old key(s) stay readable: ENCRYPTION_KEY_PREVIOUS, comma-separated. New
// data is always sealed with the current key; `npm run keys:rotate` re-seals the old data.
export function getPreviousEncryptionKeys(): Buffer[] {
  if (previousKeys) return previousKeys;
  const configured = getEnv().ENCRYPTION_KEY_PREVIOUS ?? "";
  const keys = configured
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => {
      try {
        return parseKey(v);
      } catch {
        throw new Error("ENCRYPTION_KEY_PREVIOUS must be 32-byte keys (64 hex characters or base64), comma-separated");
      }
    });
  const current = getEncryptionKey();
  previousKeys = keys.filter((k) => !k.equals(current));
  return previousKeys;
}

export function getAppSecret(): Buffer {
  const configured = getEnv().AUTH_SECRET;
  appSecret ??= configured ? Buffer.from(configured, "utf8") : readOrCreateSecret("app.secret", 48);
  return appSecret;
}

// Independent keys per purpose (console sessions, signed media URLs, capture tokens) from one secret.
export function deriveKey(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", getAppSecret(), Buffer.alloc(0), `faceid:${purpose}`, 32));
}

export function resetSecretCache(): void {
  encryptionKey = undefined;
  previousKeys = undefined;
  appSecret = undefined;
}
