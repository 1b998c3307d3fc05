import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { decrypt } from "@/lib/crypto/encryption";
import { blobAad, blobRoot, walkBlobFiles } from "@/lib/crypto/sealed-data";
import type { Db } from "@/lib/db";

export type BlobMove = { moved: number; alreadyMoved: number; orphans: string[]; unreadable: string[] };

function opens(sealed: Uint8Array, key: string): string | null {
  try {
    decrypt(sealed, undefined, blobAad(key));
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// Moves the sealed files of DATA_DIR/blobs into the MediaBlob table (PostgreSQL), envelope unchanged.
// Each file is its own step: its envelope must open with the configured keys, is inserted (or found
// already there), read back and opened again, and only then is the file deleted. So a run can be
// interrupted anywhere and run again (already-moved files are gone, a half-done one is finished), and
// a re-run with nothing left is a no-op. Files with no Media row (nothing can ever read them) and files
// that do not open are left in place and reported.
export async function moveBlobsToDatabase(db: Db, options: { log?: (line: string) => void } = {}): Promise<BlobMove> {
  const result: BlobMove = { moved: 0, alreadyMoved: 0, orphans: [], unreadable: [] };
  for await (const file of walkBlobFiles()) {
    const key = path.relative(blobRoot(), file).split(path.sep).join("/");
    const sealed = await readFile(file).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));
    if (!sealed) continue; // deleted meanwhile
    const media = await db.media.findUnique({ where: { storageKey: key }, select: { id: true } });
    if (!media) {
      result.orphans.push(key);
      continue;
    }
    const existing = await db.mediaBlob.findUnique({ where: { key } });
    const problem = opens(existing?.data ?? sealed, key);
    if (problem) {
      result.unreadable.push(`${existing ? "stored" : "file"} ${key}: ${problem}`);
      continue;
    }
    if (!existing) {
      // another run may insert it at the same moment: then theirs is read back and checked
      await db.mediaBlob.create({ data: { key, data: new Uint8Array(sealed) } }).catch((error: { code?: string }) => (error.code === "P2002" ? null : Promise.reject(error)));
      const stored = await db.mediaBlob.findUnique({ where: { key } });
      const check = stored ? opens(stored.data, key) : "not found after the insert";
      if (check) {
        result.unreadable.push(`stored ${key}: ${check}`);
        continue;
      }
      // the image was deleted while it was being moved: deletion must still delete it
      if ((await db.media.count({ where: { id: media.id } })) === 0) await db.mediaBlob.deleteMany({ where: { key } });
    }
    await rm(file, { force: true });
    if (existing) result.alreadyMoved++;
    else if (++result.moved % 500 === 0) options.log?.(`${result.moved} images moved so far`);
  }
  return result;
}
