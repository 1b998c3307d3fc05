import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { secureSqliteFiles } from "@/lib/db/secure-sqlite-files";
import { getEnv } from "@/lib/env";

// The one Prisma client. Both generated clients come from the same schema, so they share one shape; the
// SQLite client's type stands for both.
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export { Prisma } from "@/lib/generated/sqlite/client";

const globalForDb = globalThis as unknown as { faceidDb?: Db; faceidPool?: pg.Pool };

export function sqliteFilePath(databaseUrl: string): string {
  return path.resolve(databaseUrl.replace(/^file:/, ""));
}

function createDb(): Db {
  const env = getEnv();
  if (env.databaseProvider === "postgresql") {
    // our own pool, so /metrics can report its use (total, idle, waiting)
    globalForDb.faceidPool = new pg.Pool({ connectionString: env.databaseUrl, max: 10 });
    // an idle connection the server closes (restart, failover, a dropped database) must not crash the
    // process: the pool discards it and opens a new one on the next query
    globalForDb.faceidPool.on("error", (error) => console.warn(`database: idle connection closed (${error.message})`));
    const adapter = new PrismaPg(globalForDb.faceidPool);
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

/** The PostgreSQL connection pool (null on SQLite or before the first query). */
export function getDbPool(): pg.Pool | null {
  return globalForDb.faceidPool ?? null;
}

export async function disconnectDb(): Promise<void> {
  const db = globalForDb.faceidDb;
  const pool = globalForDb.faceidPool;
  globalForDb.faceidDb = globalForDb.faceidPool = undefined;
  await db?.$disconnect();
  await pool?.end();
}
