import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { secureSqliteFiles } from "@/lib/db/secure-sqlite-files";
import { getEnv } from "@/lib/env";

// The one Prisma client. Both generated clients come from the same schema, so they share one shape; the
// SQLite client's type stands for both.
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export { Prisma } from "@/lib/generated/sqlite/client";

const globalForDb = globalThis as unknown as { faceidDb?: Db };

export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

function createDb(): Db {
  const env = getEnv();
  if (env.databaseProvider === "postgresql") {
    const adapter = new PrismaPg({ connectionString: env.databaseUrl, max: 10 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const file = sqliteFilePath(env.databaseUrl);
  secureSqliteFiles(file);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

export function getDb(): Db {
  globalForDb.faceidDb ??= createDb();
  return globalForDb.faceidDb;
}

export async function disconnectDb(): Promise<void> {
  const db = globalForDb.faceidDb;
  globalForDb.faceidDb = undefined;
  await db?.$disconnect();
}
