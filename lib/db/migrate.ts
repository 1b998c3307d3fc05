import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { sqliteFilePath } from "@/lib/db";
import { secureSqliteFiles } from "@/lib/db/secure-sqlite-files";

// Applies the committed SQL migrations (prisma/migrations/<provider>/<id>/migration.sql) in order, each in
// its own transaction with its bookkeeping row, so a crash mid-way leaves the database at a clean step.
// PostgreSQL takes an advisory lock so several instances starting together migrate once.
const TABLE = "_faceid_migrations";
const LOCK_ID = 7_341_922;

export type Migration = { id: string; sql: string };

export function listMigrations(provider: "sqlite" | "postgresql", root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", "migrations", provider);
  if (!existsSync(dir)) throw new Error(`No migrations found in ${dir}`);
  return readdirSync(dir)
    .filter((id) => existsSync(path.join(dir, id, "migration.sql")))
    .sort()
    .map((id) => ({ id, sql: readFileSync(path.join(dir, id, "migration.sql"), "utf8") }));
}

export function migrateSqlite(databaseUrl: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(databaseUrl);
  secureSqliteFiles(file);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    // Table rebuilds (SQLite's ALTER) drop and recreate tables: with foreign keys enforced, dropping a
    // parent would cascade-delete its children. This connection is only for migrating; the check at the
    // end proves the result consistent.
    db.pragma("foreign_keys = OFF");
    db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" ("id" TEXT PRIMARY KEY, "appliedAt" TEXT NOT NULL)`);
    const applied: string[] = [];
    const apply = db.transaction((m: Migration) => {
      if (db.prepare(`SELECT 1 FROM "${TABLE}" WHERE id = ?`).get(m.id)) return;
      db.exec(m.sql);
      db.prepare(`INSERT INTO "${TABLE}" (id, "appliedAt") VALUES (?, ?)`).run(m.id, new Date().toISOString());
      applied.push(m.id);
    });
    for (const m of migrations) apply.immediate(m);
    const violations = db.pragma("foreign_key_check") as unknown[];
    if (violations.length) throw new Error(`Migrations left ${violations.length} foreign key violations`);
    return applied;
  } finally {
    db.close();
  }
}

export async function migratePostgres(databaseUrl: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" ("id" TEXT PRIMARY KEY, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())`);
    const done = new Set((await client.query(`SELECT id FROM "${TABLE}"`)).rows.map((r: { id: string }) => r.id));
    for (const m of migrations) {
      if (done.has(m.id)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (id) VALUES ($1)`, [m.id]);
        await client.query("COMMIT");
        applied.push(m.id);
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.id} failed: ${(error as Error).message}`);
      }
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

export async function migrateDatabase(options: { provider: "sqlite" | "postgresql"; databaseUrl: string; root?: string }): Promise<string[]> {
  const migrations = listMigrations(options.provider, options.root);
  if (options.provider === "postgresql") return migratePostgres(options.databaseUrl, migrations);
  return migrateSqlite(options.databaseUrl, migrations);
}
