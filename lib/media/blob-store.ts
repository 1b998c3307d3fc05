import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { decrypt, encrypt } from "@/lib/crypto/encryption";
import { blobRoot } from "@/lib/crypto/sealed-data";
import type { Db, Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Stored images: AES-256-GCM envelopes, one Media row each. The row id is bound into the ciphertext
// (AAD), so an envelope copied under another row's name does not decrypt. Where they live depends on
// the database: with SQLite (one machine) sealed files under DATA_DIR/blobs; with PostgreSQL (any
// number of instances) the MediaBlob table keyed by Media.storageKey, written and deleted in the same
// transaction as the Media row, so every instance reads every image and a backup holds both.
export type StoredMedia = { id: string; mimeType: string; size: number };

function blobPath(storageKey: string): string {
  return path.join(blobRoot(), storageKey);
}

export const mediaInDatabase = () => getEnv().databaseProvider === "postgresql";

// A caller's transaction is used as is; otherwise one is opened, so the row and its envelope go together.
function inTransaction<T>(db: Db | Tx, run: (tx: Tx) => Promise<T>): Promise<T> {
  return "$transaction" in db ? (db as Db).$transaction(run) : run(db);
}

type MediaInput = { applicationId: string; kind: string; mimeType: string; bytes: Uint8Array; sessionId?: string; requestId?: string; expiresAt?: Date | null };

function mediaRow(id: string, input: MediaInput) {
  const storageKey = path.posix.join(input.applicationId, id.slice(0, 2), `${id}.bin`);
  return { id, applicationId: input.applicationId, kind: input.kind, mimeType: input.mimeType, storageKey, size: input.bytes.byteLength, sessionId: input.sessionId, requestId: input.requestId, expiresAt: input.expiresAt ?? null };
}

async function storeFile(db: Db | Tx, row: ReturnType<typeof mediaRow>, sealed: Buffer): Promise<void> {
  const file = blobPath(row.storageKey);
  await mkdir(path.dirname(file), { recursive: true });
  // write-then-rename: a crash never leaves a half-written blob under the final name
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, sealed, { mode: 0o600 });
  await rename(tmp, file);
  try {
    await db.media.create({ data: row });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
}

export async function storeMedia(db: Db | Tx, input: MediaInput): Promise<StoredMedia> {
  const id = randomUUID();
  const row = mediaRow(id, input);
  const sealed = encrypt(input.bytes, undefined, `media:${id}`);
  if (!mediaInDatabase()) await storeFile(db, row, sealed);
  else {
    await inTransaction(db, async (tx) => {
      await tx.media.create({ data: row });
      await tx.mediaBlob.create({ data: { key: row.storageKey, data: new Uint8Array(sealed) } });
    });
  }
  return { id, mimeType: input.mimeType, size: input.bytes.byteLength };
}

async function readSealed(db: Db, storageKey: string): Promise<Buffer | null> {
  if (mediaInDatabase()) {
    const blob = await db.mediaBlob.findUnique({ where: { key: storageKey } });
    if (blob) return Buffer.from(blob.data);
    // not moved yet by `npm run media:migrate`: this instance's own file, if it has it
  }
  try {
    return await readFile(blobPath(storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function readMedia(db: Db, id: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const media = await db.media.findUnique({ where: { id } });
  if (!media) return null;
  const sealed = await readSealed(db, media.storageKey);
  return sealed ? { bytes: decrypt(sealed, undefined, `media:${id}`), mimeType: media.mimeType } : null;
}

// Deletion really deletes: the envelope (row or file) and the Media row.
export async function deleteMedia(db: Db | Tx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.media.findMany({ where: { id: { in: ids } }, select: { id: true, storageKey: true } });
  // files: also on PostgreSQL, for images not yet moved into the database
  for (const row of rows) await rm(blobPath(row.storageKey), { force: true });
  const deleteRows = async (tx: Db | Tx) => (await tx.media.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
  if (!mediaInDatabase()) return deleteRows(db);
  return inTransaction(db, async (tx) => {
    await tx.mediaBlob.deleteMany({ where: { key: { in: rows.map((r) => r.storageKey) } } });
    return deleteRows(tx);
  });
}
