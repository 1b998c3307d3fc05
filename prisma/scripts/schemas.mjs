// The one schema is written for SQLite; the PostgreSQL variant differs only in provider and client output.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sqliteSchemaPath = join(root, "prisma", "schema.prisma");
export const postgresSchemaPath = join(root, "prisma", "generated", "postgres.prisma");

export function writePostgresSchema() {
  const source = readFileSync(sqliteSchemaPath, "utf8");
  const out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"');
  if (out === source || !out.includes("../../lib/generated/postgres")) {
    throw new Error("prisma/schema.prisma no longer has the expected provider/output lines");
  }
  mkdirSync(dirname(postgresSchemaPath), { recursive: true });
  writeFileSync(postgresSchemaPath, `// Generated from prisma/schema.prisma. Do not edit.\n${out}`);
  return postgresSchemaPath;
}
