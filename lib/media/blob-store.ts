import { mkdir, readFile, rm, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { decrypt, encrypt } from "@/lib/crypto/encryption";
import { blobRoot } from "@/lib/crypto/sealed-data";
import type { Db, Tx } from "@/lib/db";

// Stored images: AES-256-GCM sealed files under DATA_DIR/blobs, one Media row each. The row id is bound
// into the ciphertext (AAD), so a blob copied under another row's name does not decrypt.
export type StoredMedia = { id: string; mimeType: string; size: number };

function blobPath(storageKey: string): string {
  return path.join(blobRoot(), storageKey);
}

export async function storeMedia(
  db: Db | Tx,
  input: { applicationId: string; kind: string; mimeType: string; bytes: Uint8Array; sessionId?: string; requestId?: string; expiresAt?: Date | null },
): Promise<StoredMedia> {
  const id = randomUUID();
  const storageKey = path.join(input.applicationId, id.slice(0, 2), `${id}.bin`);
  const file = blobPath(storageKey);
  await mkdir(path.dirname(file), { recursive: true });
  // write-then-rename: a crash never leaves a half-written blob under the final name
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, encrypt(input.bytes, undefined, `media:${id}`), { mode: 0o600 });
  await rename(tmp, file);
  try {
    await db.media.create({
      data: { id, applicationId: input.applicationId, kind: input.kind, mimeType: input.mimeType, storageKey, size: input.bytes.byteLength, sessionId: input.sessionId, requestId: input.requestId, expiresAt: input.expiresAt ?? null },
    });
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return { id, mimeType: input.mimeType, size: input.bytes.byteLength };
}

export async function readMedia(db: Db, id: string): Promise<{ bytes: Buffer; mimeType: string } | null> {
  const media = await db.media.findUnique({ where: { id } });
  if (!media) return null;
  try {
    const sealed = await readFile(blobPath(media.storageKey));
    return { bytes: decrypt(sealed, undefined, `media:${id}`), mimeType: media.mimeType };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

// Deletion really deletes: the file is removed, then the row.
export async function deleteMedia(db: Db | Tx, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db.media.findMany({ where: { id: { in: ids } }, select: { id: true, storageKey: true } });
  for (const row of rows) await rm(blobPath(row.storageKey), { force: true });
  const { count } = await db.media.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return count;
}
