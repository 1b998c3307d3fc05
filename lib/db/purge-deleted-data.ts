import type { Db } from "@/lib/db";
import { getEnv } from "@/lib/env";

// SQLite keeps the bytes of deleted rows in free pages and in the write-ahead log. With secure_delete
// on (set once on the app's connection at start) freed pages are zeroed; a TRUNCATE checkpoint then
// writes the WAL back and empties it, so deleted templates and personal data are really gone from disk.
// (PostgreSQL frees dead rows at VACUUM; autovacuum does it, `VACUUM` does it at once.)
export async function enableSecureDelete(db: Db): Promise<void> {
  if (getEnv().databaseProvider === "sqlite") await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
}

export async function purgeDeletedData(db: Db): Promise<void> {
  if (getEnv().databaseProvider === "sqlite") await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}
