import { createHmac } from "node:crypto";
import { deriveKey } from "@/lib/crypto/instance-secrets";
import { safeEqual } from "@/lib/crypto/tokens";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Instances on one PostgreSQL must share AUTH_SECRET: it signs console sessions, capture tokens and
// media links, so an instance with another secret answers 403/500 for everything the others issued.
// The first instance stores an HMAC of a fixed text under its secret (never the secret); an instance
// whose secret gives another HMAC refuses to start. SQLite is one machine: nothing to agree with.
const SETTING_KEY = "auth_secret_check";
const TEXT = "faceid auth secret check v1";

const hmac = () => createHmac("sha256", deriveKey("secret-check")).update(TEXT).digest("base64url");

const mismatch =
  "AUTH_SECRET differs from the one the other instances on this database use (the auth_secret_check setting was made with another secret). Every instance must share AUTH_SECRET (and ENCRYPTION_KEY): set the same AUTH_SECRET here. To change it on purpose (signs everyone out, voids capture and media links), stop every instance, delete the setting row auth_secret_check, and start them all with the new AUTH_SECRET.";

async function storedHmac(db: Db): Promise<string | null> {
  const row = await db.setting.findUnique({ where: { key: SETTING_KEY } });
  return row ? String((row.value as { hmac?: string }).hmac ?? "") : null;
}

export async function verifyAuthSecret(db: Db): Promise<void> {
  if (getEnv().databaseProvider !== "postgresql") return;
  const mine = hmac();
  let stored = await storedHmac(db);
  if (stored === null) {
    try {
      await db.setting.create({ data: { key: SETTING_KEY, value: { hmac: mine } } });
      return;
    } catch (error) {
      // another instance started at the same moment and wrote first: agree with it or stop
      if ((error as { code?: string }).code !== "P2002") throw error;
      stored = await storedHmac(db);
    }
  }
  if (!stored || !safeEqual(stored, mine)) throw new Error(mismatch);
}
