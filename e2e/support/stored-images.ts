import { readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import type { DbProvider } from "./test-server";

/**
 * The sealed envelope of a stored image as the server keeps it: a file under DATA_DIR/blobs on SQLite,
 * a MediaBlob row on PostgreSQL (lib/media/blob-store.ts); null when it is gone.
 */
export async function readStoredImage(db: Db, input: { provider: DbProvider; dataDir: string; storageKey: string }): Promise<Buffer | null> {
  if (input.provider === "postgresql") {
    const blob = await db.mediaBlob.findUnique({ where: { key: input.storageKey } });
    return blob ? Buffer.from(blob.data) : null;
  }
  try {
    return readFileSync(path.join(input.dataDir, "blobs", input.storageKey));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
