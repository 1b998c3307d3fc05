import path from "node:path";
import Database from "better-sqlite3";

/** What the server measured for a session's last liveness attempt (flash correlation, turn verdict...), from its SQLite file. */
export function livenessDetails(dataDir: string, sessionId: string): Record<string, unknown> | null {
  const db = new Database(path.join(dataDir, "faceid.db"), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT data FROM CheckResult WHERE sessionId = ? AND feature = 'LIVENESS' ORDER BY createdAt DESC LIMIT 1").get(sessionId) as { data: string | null } | undefined;
    return row?.data ? (JSON.parse(row.data) as Record<string, unknown>) : null;
  } finally {
    db.close();
  }
}
