import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplication } from "@/lib/applications/create-application";
import { encrypt } from "@/lib/crypto/encryption";
import { resetSecretCache } from "@/lib/crypto/instance-secrets";
import { blobRoot, walkBlobFiles } from "@/lib/crypto/sealed-data";
import { disconnectDb, getDb, type Db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import { getEnv, resetEnvCache } from "@/lib/env";
import { deleteMedia, readMedia, storeMedia } from "@/lib/media/blob-store";
import { moveBlobsToDatabase } from "@/lib/media/move-blobs-to-database";
import { createPostgresDatabase, dbProviders, type DbProvider } from "../support/test-server";

// Stored images against a real database: files under DATA_DIR/blobs on SQLite, the MediaBlob table on
// PostgreSQL (so every instance reads them), written and deleted with their Media row; and the move of
// an existing DATA_DIR/blobs into PostgreSQL.
async function filesOnDisk(): Promise<string[]> {
  const files: string[] = [];
  for await (const file of walkBlobFiles()) files.push(path.relative(blobRoot(), file));
  return files;
}

type Ctx = { db: Db; applicationId: string };

// A fresh database of `provider` and DATA_DIR for the suite, as the server would set them up.
function useDatabase(provider: DbProvider): Ctx {
  const ctx = {} as Ctx;
  let dataDir: string;
  let dropPg: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "faceid-media-"));
    const pgDb = provider === "postgresql" ? await createPostgresDatabase() : undefined;
    dropPg = pgDb?.drop;
    Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: pgDb?.url ?? `file:${path.join(dataDir, "faceid.db")}`, ENCRYPTION_KEY: randomBytes(32).toString("hex"), LOG_LEVEL: "warn" });
    resetEnvCache();
    resetSecretCache();
    await migrateDatabase({ provider: getEnv().databaseProvider, databaseUrl: getEnv().databaseUrl });
    ctx.db = getDb();
    ctx.applicationId = (await createApplication(ctx.db, { name: `media ${provider}` })).id;
  });
  afterAll(async () => {
    await disconnectDb();
    await dropPg?.();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return ctx;
}

const image = (n: number) => new Uint8Array(randomBytes(2048 + n));

describe.each(dbProviders)("media store (%s)", (provider) => {
  const ctx = useDatabase(provider);

  it("stores, reads and deletes an image where every instance of this database finds it", async () => {
    const bytes = image(1);
    const stored = await storeMedia(ctx.db, { applicationId: ctx.applicationId, kind: "selfie", mimeType: "image/jpeg", bytes });
    expect((await readMedia(ctx.db, stored.id))?.bytes.equals(Buffer.from(bytes))).toBe(true);
    const { storageKey } = await ctx.db.media.findUniqueOrThrow({ where: { id: stored.id } });
    const blob = await ctx.db.mediaBlob.findUnique({ where: { key: storageKey } });
    if (provider === "postgresql") {
      expect(await filesOnDisk()).toEqual([]);
      // sealed, never plaintext
      expect(blob).not.toBeNull();
      expect(Buffer.from(blob!.data).includes(Buffer.from(bytes).subarray(0, 64))).toBe(false);
    } else {
      expect(blob).toBeNull();
      expect(await filesOnDisk()).toEqual([storageKey]);
    }
    expect(await deleteMedia(ctx.db, [stored.id])).toBe(1);
    expect(await readMedia(ctx.db, stored.id)).toBeNull();
    expect(await ctx.db.mediaBlob.count()).toBe(0);
    expect(await filesOnDisk()).toEqual([]);
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    const before = { media: await ctx.db.media.count(), blobs: await ctx.db.mediaBlob.count() };
    await expect(
      ctx.db.$transaction(async (tx) => {
        await storeMedia(tx, { applicationId: ctx.applicationId, kind: "selfie", mimeType: "image/jpeg", bytes: image(2) });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect({ media: await ctx.db.media.count(), blobs: await ctx.db.mediaBlob.count() }).toEqual(before);
  });
});

describe("media:migrate (postgresql)", () => {
  const ctx = useDatabase("postgresql");

  it("media:migrate moves DATA_DIR/blobs into the database, resumably and idempotently", async () => {
    // files as an instance wrote them before images moved into PostgreSQL
    const legacy = async (n: number) => {
      const id = randomUUID();
      const storageKey = `${ctx.applicationId}/${id.slice(0, 2)}/${id}.bin`;
      const bytes = image(10 + n);
      mkdirSync(path.dirname(path.join(blobRoot(), storageKey)), { recursive: true });
      writeFileSync(path.join(blobRoot(), storageKey), encrypt(bytes, undefined, `media:${id}`));
      await ctx.db.media.create({ data: { id, applicationId: ctx.applicationId, kind: "selfie", mimeType: "image/jpeg", storageKey, size: bytes.byteLength } });
      return { id, storageKey, bytes };
    };
    const images = await Promise.all([0, 1, 2, 3].map(legacy));
    // read from this instance's files until moved
    expect((await readMedia(ctx.db, images[0].id))?.bytes.equals(Buffer.from(images[0].bytes))).toBe(true);
    // a run killed after inserting one envelope, before deleting its file
    await ctx.db.mediaBlob.create({ data: { key: images[1].storageKey, data: new Uint8Array(readFileSync(path.join(blobRoot(), images[1].storageKey))) } });
    // a file no row refers to, and a file that does not open
    const orphan = path.join(ctx.applicationId, "00", `${randomUUID()}.bin`);
    mkdirSync(path.dirname(path.join(blobRoot(), orphan)), { recursive: true });
    writeFileSync(path.join(blobRoot(), orphan), encrypt(image(20), undefined, "media:x"));
    const broken = await legacy(4);
    writeFileSync(path.join(blobRoot(), broken.storageKey), randomBytes(100));

    const first = await moveBlobsToDatabase(ctx.db);
    expect(first).toMatchObject({ moved: 3, alreadyMoved: 1, orphans: [orphan] });
    expect(first.unreadable).toHaveLength(1);
    expect(first.unreadable[0]).toContain(broken.storageKey);
    expect((await filesOnDisk()).sort()).toEqual([orphan, broken.storageKey].sort());
    for (const img of images) expect((await readMedia(ctx.db, img.id))?.bytes.equals(Buffer.from(img.bytes))).toBe(true);

    const again = await moveBlobsToDatabase(ctx.db);
    expect(again).toMatchObject({ moved: 0, alreadyMoved: 0, orphans: [orphan] });
    expect(await ctx.db.mediaBlob.count()).toBe(4);

    // deletion deletes the moved envelope too
    await deleteMedia(ctx.db, [images[2].id, broken.id]);
    expect(await ctx.db.mediaBlob.findUnique({ where: { key: images[2].storageKey } })).toBeNull();
    expect(existsSync(path.join(blobRoot(), broken.storageKey))).toBe(false);
  });
});
