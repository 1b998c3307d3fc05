import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { createApplication } from "@/lib/applications/create-application";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Db } from "@/lib/db";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { ensureWorkflowTemplates } from "@/lib/workflows/ensure-workflow-templates";
import type { DbProvider } from "./test-server";

// A client on a test server's own database: the API has no endpoint that creates an application, and
// tests of tenant isolation need a second one with its own key.
export function openTestDb(provider: DbProvider, databaseUrl: string): Db {
  if (provider === "postgresql") return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.resolve(databaseUrl.replace(/^file:/, "")), timeout: 10_000 }) });
}

export type Tenant = { id: string; key: string };

/** A further application on the server, as a customer would have it: its templates, blocklist and a key. */
export async function createTenant(db: Db, name: string): Promise<Tenant> {
  const app = await createApplication(db, { name });
  await ensureWorkflowTemplates(db, app.id);
  return { id: app.id, key: (await createApiKey(db, { applicationId: app.id, name: `${name} key` })).key };
}
