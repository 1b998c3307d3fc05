import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

// Every place the instance key seals data, for the start-up key check and the rotation command.
// A column added to this list is checked and rotated; a sealed column missing from it would be left
// behind by a rotation, so new sealed columns must be added here (lib/crypto/encryption.ts callers).
export type SealedRow = { id: string; sealed: Uint8Array };
export type SealedColumn = {
  name: string;
  aad: (id: string) => string;
  /** rows with a value, in id order after `afterId` */
  page: (db: Db, input: { afterId?: string; take: number }) => Promise<SealedRow[]>;
  /** replaces the value only if it is still `from` (a concurrent change wins); true when replaced */
  replace: (db: Db, input: { id: string; from: Uint8Array<ArrayBuffer>; to: Uint8Array<ArrayBuffer> }) => Promise<boolean>;
};

/** The AAD of a stored image: its media id, the file or storage key name without ".bin". */
export const blobAad = (file: string) => `media:${path.basename(file, ".bin")}`;

const after = (afterId?: string) => (afterId ? { id: { gt: afterId } } : {});

export const sealedColumns: SealedColumn[] = [
  {
    name: "face_template.embedding",
    aad: (id) => `template:${id}`,
    page: async (db, { afterId, take }) =>
      (await db.faceTemplate.findMany({ where: after(afterId), select: { id: true, embedding: true }, orderBy: { id: "asc" }, take })).map((r) => ({ id: r.id, sealed: r.embedding })),
    replace: async (db, { id, from, to }) => (await db.faceTemplate.updateMany({ where: { id, embedding: { equals: from } }, data: { embedding: to } })).count === 1,
  },
  {
    name: "verification_session.capture_token",
    aad: (id) => `capture:${id}`,
    page: async (db, { afterId, take }) =>
      (await db.verificationSession.findMany({ where: { ...after(afterId), captureTokenSealed: { not: null } }, select: { id: true, captureTokenSealed: true }, orderBy: { id: "asc" }, take })).map((r) => ({ id: r.id, sealed: r.captureTokenSealed! })),
    replace: async (db, { id, from, to }) => (await db.verificationSession.updateMany({ where: { id, captureTokenSealed: { equals: from } }, data: { captureTokenSealed: to } })).count === 1,
  },
  {
    name: "webhook_destination.secret",
    aad: (id) => `webhook_destination:${id}`,
    page: async (db, { afterId, take }) =>
      (await db.webhookDestination.findMany({ where: after(afterId), select: { id: true, secret: true }, orderBy: { id: "asc" }, take })).map((r) => ({ id: r.id, sealed: r.secret })),
    replace: async (db, { id, from, to }) => (await db.webhookDestination.updateMany({ where: { id, secret: { equals: from } }, data: { secret: to } })).count === 1,
  },
  {
    name: "webhook_destination.previous_secret",
    aad: (id) => `webhook_destination:${id}`,
    page: async (db, { afterId, take }) =>
      (await db.webhookDestination.findMany({ where: { ...after(afterId), previousSecret: { not: null } }, select: { id: true, previousSecret: true }, orderBy: { id: "asc" }, take })).map((r) => ({ id: r.id, sealed: r.previousSecret! })),
    replace: async (db, { id, from, to }) => (await db.webhookDestination.updateMany({ where: { id, previousSecret: { equals: from } }, data: { previousSecret: to } })).count === 1,
  },
  {
    // stored images on PostgreSQL (lib/media/blob-store.ts); the id is the storage key, <app>/<xx>/<media id>.bin
    name: "media_blob.data",
    aad: (key) => blobAad(key),
    page: async (db, { afterId, take }) =>
      (await db.mediaBlob.findMany({ where: afterId ? { key: { gt: afterId } } : {}, select: { key: true, data: true }, orderBy: { key: "asc" }, take })).map((r) => ({ id: r.key, sealed: r.data })),
    replace: async (db, { id, from, to }) => (await db.mediaBlob.updateMany({ where: { key: id, data: { equals: from } }, data: { data: to } })).count === 1,
  },
];

/** Where sealed image files live on SQLite (lib/media/blob-store.ts): DATA_DIR/blobs/<app>/<xx>/<media id>.bin */
export function blobRoot(): string {
  return path.join(getEnv().dataDir, "blobs");
}


/** Every sealed blob file, depth first; half-written temporary files are not blobs. */
export async function* walkBlobFiles(dir = blobRoot()): AsyncGenerator<string> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walkBlobFiles(full);
    else if (entry.isFile() && entry.name.endsWith(".bin")) yield full;
  }
}
