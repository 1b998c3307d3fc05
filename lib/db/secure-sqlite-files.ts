import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";

// The SQLite file holds personal data (sessions, vendor data, audit trail): owner-only. SQLite
// creates the -wal, -shm and -journal files with the database file's own permissions, so creating
// the file 0600 before the first open covers them; files from an older install are tightened here.
// (The paths come from DATABASE_URL at run time: nothing for the bundler to trace.)
export function secureSqliteFiles(file: string): void {
  mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(/* turbopackIgnore: true */ file)) closeSync(openSync(/* turbopackIgnore: true */ file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(/* turbopackIgnore: true */ f)) chmodSync(/* turbopackIgnore: true */ f, 0o600);
  }
}
