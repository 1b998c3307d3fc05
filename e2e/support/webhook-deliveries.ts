import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DbProvider, TestServer } from "./test-server";

export type DeliveryLease = { status: string; lockedBy: string | null; lockedUntil: unknown };

// Every webhook delivery row of a test server's database, with its lease: who holds it and until when.
export async function readDeliveryLeases(provider: DbProvider, server: TestServer): Promise<DeliveryLease[]> {
  const sql = `SELECT "status", "lockedBy", "lockedUntil" FROM "WebhookDelivery"`;
  if (provider === "sqlite") {
    const db = new Database(path.resolve(server.databaseUrl.replace(/^file:/, "")), { readonly: true });
    try {
      return db.prepare(sql).all() as DeliveryLease[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
