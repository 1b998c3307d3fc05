import { decrypt, describeKeyId, encrypt, sealedKeyId } from "@/lib/crypto/encryption";
import type { Db } from "@/lib/db";

// A known value sealed at first start, kept in the settings table. It is sealed with the oldest key the
// data may still be sealed with: the current key normally, the old one while a rotation is pending
// (the rotation re-seals it with the new key once everything else is). So opening it tells whether
// the configured keys can open the data, without scanning the data.
const SETTING_KEY = "encryption_key_check";
const AAD = "faceid:key-check";
const PLAINTEXT = "faceid encryption key check v1";

type Stored = { key_id: string; sealed: string };

export type KeyCheck = { keyId: string; opens: boolean; reason?: string };

/** The stored key check and whether the configured keys open it; null when none was written yet. */
export async function readKeyCheck(db: Db): Promise<KeyCheck | null> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  if (!row) return null;
  const stored = row.value as Stored;
  const sealed = Buffer.from(stored.sealed, "base64");
  try {
    const opened = decrypt(sealed, undefined, AAD).toString("utf8");
    return opened === PLAINTEXT ? { keyId: stored.key_id, opens: true } : { keyId: stored.key_id, opens: false, reason: "the key check holds an unexpected value" };
  } catch (error) {
    return { keyId: sealedKeyId(sealed) ?? stored.key_id, opens: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** (Re)writes the key check sealed with `key`. */
export async function writeKeyCheck(db: Db, key: Buffer): Promise<void> {
  const value: Stored = { key_id: describeKeyId(key), sealed: encrypt(Buffer.from(PLAINTEXT, "utf8"), key, AAD).toString("base64") };
  await db.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
}
