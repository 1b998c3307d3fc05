import { randomBytes } from "node:crypto";
import { createRandomToken, hashToken } from "@/lib/crypto/tokens";
import type { Db, Tx } from "@/lib/db";

// API keys: random, shown once, stored as sha256 only. The console tells keys apart by a key id of
// their own ("key_" + 12 hex), never by characters of the secret: those would shorten what is left to
// guess, and an operator's SEED_API_KEY would be half shown.
export const API_KEY_PREFIX = "fid_";

export async function createApiKey(
  db: Db | Tx,
  input: { applicationId: string; name: string; key?: string; createdById?: string },
): Promise<{ key: string; id: string; keyId: string }> {
  const key = input.key ?? createRandomToken(API_KEY_PREFIX, 32);
  const keyId = `key_${randomBytes(6).toString("hex")}`;
  const record = await db.apiKey.create({
    data: { applicationId: input.applicationId, name: input.name, keyId, hash: hashToken(key), createdById: input.createdById },
  });
  return { key, id: record.id, keyId };
}

// The key's row, revoked or not (the caller refuses revoked ones: a key that once existed is not a
// guess, so it must not count against its sender's address), or null for an unknown key.
export async function findApiKey(db: Db, key: string) {
  if (!key || key.length > 200) return null;
  return db.apiKey.findUnique({ where: { hash: hashToken(key) }, include: { application: true } });
}

export async function revokeApiKey(db: Db, input: { applicationId: string; id: string }): Promise<boolean> {
  const result = await db.apiKey.updateMany({
    where: { id: input.id, applicationId: input.applicationId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return result.count === 1;
}

export async function listApiKeys(db: Db, applicationId: string) {
  const keys = await db.apiKey.findMany({ where: { applicationId }, orderBy: { createdAt: "desc" } });
  return keys.map((k) => ({ id: k.id, name: k.name, keyId: k.keyId, createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, revokedAt: k.revokedAt }));
}
