import type { Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";

// A session's number is its application's highest + 1, read inside the creating transaction. On
// PostgreSQL several instances (and the connections of one instance's pool) create sessions at once and,
// under READ COMMITTED, read the same highest number; retrying on the unique index then fails whole
// bursts. A transaction-scoped advisory lock per application makes them take turns until commit. The
// two-key form keeps these locks apart from the single-key ones (migrations). SQLite serialises writers.
const SESSION_NUMBERING = 7411;

export async function lockSessionNumbering(tx: Tx, applicationId: string): Promise<void> {
  if (getEnv().databaseProvider !== "postgresql") return;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${SESSION_NUMBERING}::int, hashtext(${applicationId}))::text AS locked`;
}
