// npm run bench:media [-- --images=300 --kb=80] — stored images on each database: the time to store
// (seal + write, a committed transaction on PostgreSQL) and to read (read + open) one image, one at a
// time; then, on PostgreSQL, `media:migrate`'s rate moving as many sealed files from DATA_DIR/blobs, and
// a re-run with nothing left. Random bytes stand in for JPEGs (the envelope does not look inside).
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPostgresDatabase } from "../../e2e/support/test-server";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const count = arg("images", 300);
const size = arg("kb", 80) * 1024;
const ms = (t0: number) => performance.now() - t0;

async function bench(provider: "sqlite" | "postgresql"): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "faceid-bench-media-"));
  const pgDb = provider === "postgresql" ? await createPostgresDatabase() : null;
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? `file:${path.join(dataDir, "faceid.db")}`, ENCRYPTION_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "warn" });
  const { resetEnvCache, getEnv } = await import("@/lib/env");
  const { resetSecretCache } = await import("@/lib/crypto/instance-secrets");
  resetEnvCache();
  resetSecretCache();
  const { migrateDatabase } = await import("@/lib/db/migrate");
  const { disconnectDb, getDb } = await import("@/lib/db");
  const { createApplication } = await import("@/lib/applications/create-application");
  const { readMedia, storeMedia } = await import("@/lib/media/blob-store");
  try {
    await migrateDatabase({ provider, databaseUrl: getEnv().databaseUrl });
    const db = getDb();
    const applicationId = (await createApplication(db, { name: "bench" })).id;
    const ids: string[] = [];
    let t0 = performance.now();
    for (let i = 0; i < count; i++) ids.push((await storeMedia(db, { applicationId, kind: "selfie", mimeType: "image/jpeg", bytes: randomBytes(size) })).id);
    const store = ms(t0) / count;
    t0 = performance.now();
    for (const id of ids) await readMedia(db, id);
    console.log(`${provider}: store ${store.toFixed(1)} ms/image, read ${(ms(t0) / count).toFixed(1)} ms/image (${size / 1024} KB, ${count} images)`);
    if (provider !== "postgresql") return;
    const { encrypt } = await import("@/lib/crypto/encryption");
    const { blobRoot } = await import("@/lib/crypto/sealed-data");
    const { moveBlobsToDatabase } = await import("@/lib/media/move-blobs-to-database");
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const storageKey = `${applicationId}/${id.slice(0, 2)}/${id}.bin`;
      mkdirSync(path.dirname(path.join(blobRoot(), storageKey)), { recursive: true });
      writeFileSync(path.join(blobRoot(), storageKey), encrypt(randomBytes(size), undefined, `media:${id}`));
      await db.media.create({ data: { id, applicationId, kind: "selfie", mimeType: "image/jpeg", storageKey, size } });
    }
    t0 = performance.now();
    const moved = await moveBlobsToDatabase(db);
    const seconds = ms(t0) / 1000;
    t0 = performance.now();
    const again = await moveBlobsToDatabase(db);
    console.log(`media:migrate: ${moved.moved} files in ${seconds.toFixed(1)} s (${(moved.moved / seconds).toFixed(0)} images/s); re-run moved ${again.moved} in ${ms(t0).toFixed(0)} ms`);
  } finally {
    await disconnectDb();
    await pgDb?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await bench("sqlite");
await bench("postgresql");
