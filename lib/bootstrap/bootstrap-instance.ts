import { createApplication } from "@/lib/applications/create-application";
import { createApiKey } from "@/lib/auth/api-keys";
import { secureDataDir } from "@/lib/bootstrap/secure-data-dir";
import { hashPassword } from "@/lib/auth/password";
import { getAppSecret, getEncryptionKey, getPreviousEncryptionKeys } from "@/lib/crypto/instance-secrets";
import { verifyAuthSecret } from "@/lib/crypto/auth-secret-check";
import { verifyEncryptionKeys } from "@/lib/crypto/verify-encryption-keys";
import { createRandomToken, hashToken } from "@/lib/crypto/tokens";
import { getDb, type Db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import { enableSecureDelete } from "@/lib/db/purge-deleted-data";
import { ensureWorkflowTemplates } from "@/lib/workflows/ensure-workflow-templates";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/logger";

const SETUP_TOKEN_TTL_MS = 24 * 60 * 60 * 1000;

// Printed once to the operator's terminal on purpose: this is the only time the key or link is shown.
function announce(lines: string[]): void {
  console.log(["", "=".repeat(72), ...lines.map((l) => `  ${l}`), "=".repeat(72), ""].join("\n"));
}

async function ensureSandbox(db: Db): Promise<void> {
  const env = getEnv();
  const existing = await db.application.findFirst({ orderBy: { createdAt: "asc" } });
  const app = existing ?? (await createApplication(db, { name: "Sandbox", isSandbox: true }));
  await ensureWorkflowTemplates(db, app.id);
  if (env.SEED_API_KEY) {
    const known = await db.apiKey.findUnique({ where: { hash: hashToken(env.SEED_API_KEY) } });
    if (!known) await createApiKey(db, { applicationId: app.id, name: "Seed key (SEED_API_KEY)", key: env.SEED_API_KEY });
    return;
  }
  if (!existing) {
    const { key } = await createApiKey(db, { applicationId: app.id, name: "Sandbox key" });
    announce([`Sandbox application created. Its API key (shown only now):`, key, `Use it as: curl -H 'x-api-key: ${key}' ${env.publicUrl}/v3/...`]);
  }
}

async function ensureAdmin(db: Db): Promise<void> {
  const env = getEnv();
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    const email = env.ADMIN_EMAIL.toLowerCase();
    const user = await db.user.findUnique({ where: { email } });
    if (!user) {
      await db.user.create({ data: { email, role: "admin", passwordHash: await hashPassword(env.ADMIN_PASSWORD) } });
      logger.info("console admin created from ADMIN_EMAIL", { email });
    }
    return;
  }
  if ((await db.user.count()) > 0) return;
  const token = createRandomToken("", 32);
  await db.setupToken.deleteMany({ where: { usedAt: null } });
  await db.setupToken.create({ data: { tokenHash: hashToken(token), expiresAt: new Date(Date.now() + SETUP_TOKEN_TTL_MS) } });
  announce(["No console user exists yet. Create the first admin within 24 hours at:", `${env.publicUrl}/setup?token=${token}`]);
}

export async function bootstrapInstance(): Promise<void> {
  const env = getEnv();
  secureDataDir(env.dataDir);
  // create (or validate) the instance secrets now, so a bad ENCRYPTION_KEY stops start-up at once
  getEncryptionKey();
  getPreviousEncryptionKeys();
  getAppSecret();
  const applied = await migrateDatabase({ provider: env.databaseProvider, databaseUrl: env.databaseUrl });
  if (applied.length) logger.info("database migrated", { provider: env.databaseProvider, applied });
  const db = getDb();
  // a changed ENCRYPTION_KEY stops start-up here, not at the first decryption
  const keys = await verifyEncryptionKeys(db);
  if (keys.rotationPendingFrom) {
    logger.warn("data may still be sealed with a previous key: run `npm run keys:rotate`, then remove ENCRYPTION_KEY_PREVIOUS", { keyId: keys.keyId, previousKeyId: keys.rotationPendingFrom });
  }
  // an AUTH_SECRET other than the other instances' stops start-up too (PostgreSQL)
  await verifyAuthSecret(db);
  await enableSecureDelete(db);
  await ensureSandbox(db);
  await ensureAdmin(db);
}
