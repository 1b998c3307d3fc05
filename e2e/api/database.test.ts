import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations, migrateDatabase, migratePostgres, migrateSqlite } from "@/lib/db/migrate";
import { PrismaClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgres/client";
import { createApplication } from "@/lib/applications/create-application";
import { encryptEmbedding, decryptEmbedding } from "@/lib/crypto/encryption";
import { createPostgresDatabase, dbProviders } from "../support/test-server";

// The committed migrations must produce exactly the schema the generated clients expect, on both providers.
describe.each(dbProviders)("migrations and the Prisma client (%s)", (provider) => {
  let db: PrismaClient;
  let url: string;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faceid-db-"));
    process.env.DATA_DIR = dir;
    if (provider === "postgresql") {
      const pgDb = await createPostgresDatabase();
      url = pgDb.url;
      db = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
      cleanup = async () => {
        await db.$disconnect();
        await pgDb.drop();
        rmSync(dir, { recursive: true, force: true });
      };
    } else {
      url = `file:${path.join(dir, "t.db")}`;
      db = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.join(dir, "t.db") }) });
      cleanup = async () => {
        await db.$disconnect();
        rmSync(dir, { recursive: true, force: true });
      };
    }
  });
  afterAll(async () => cleanup?.());

  it("applies every migration once, keeps existing rows, and again is a no-op", async () => {
    const all = listMigrations(provider);
    const migrate = (list: typeof all) => (provider === "postgresql" ? migratePostgres(url, list) : Promise.resolve(migrateSqlite(url, list)));
    expect(await migrate(all.slice(0, 1))).toEqual([all[0].id]);
    // rows written in the first schema's shape (raw SQL: today's client knows later columns), among
    // them a key and its audit entry as that schema stored them: the first 10 characters of the
    // secret in "prefix", and again in the audit details
    const app = { id: `app-${provider}-before` };
    await db.$executeRaw`INSERT INTO "Application" ("id", "name", "updatedAt") VALUES (${app.id}, ${"Before later migrations"}, ${new Date()})`;
    await db.$executeRaw`INSERT INTO "FaceList" ("id", "applicationId", "name", "kind", "isSystem") VALUES (${`list-${provider}`}, ${app.id}, ${"Face blocklist"}, ${"blocklist"}, ${true})`;
    const keyRowId = "0f1e2d3c-4b5a-4968-8776-655443322110";
    await db.$executeRaw`INSERT INTO "ApiKey" ("id", "applicationId", "name", "prefix", "hash") VALUES (${keyRowId}, ${app.id}, ${"k"}, ${"fid_s3cr3t"}, ${`h-${provider}-keep`})`;
    const details = JSON.stringify({ name: "k", prefix: "fid_s3cr3t" });
    if (provider === "postgresql") {
      await db.$executeRaw`INSERT INTO "AuditLog" ("id", "actorType", "action", "details") VALUES (${"audit-key-created"}, ${"user"}, ${"api_key.created"}, ${details}::jsonb)`;
    } else {
      await db.$executeRaw`INSERT INTO "AuditLog" ("id", "actorType", "action", "details") VALUES (${"audit-key-created"}, ${"user"}, ${"api_key.created"}, ${details})`;
    }
    expect((await migrateDatabase({ provider, databaseUrl: url })).length).toBe(all.length - 1);
    expect(await db.apiKey.count({ where: { applicationId: app.id } })).toBe(1);
    expect(await db.faceList.count({ where: { applicationId: app.id } })).toBe(1);
    // the key keeps working (same hash) and now shows a key id unrelated to the secret
    const key = await db.apiKey.findUniqueOrThrow({ where: { hash: `h-${provider}-keep` } });
    expect(key.keyId).toBe("key_0f1e2d3c4b5a");
    expect(JSON.stringify(key)).not.toContain("s3cr3t");
    const audit = await db.auditLog.findUniqueOrThrow({ where: { id: "audit-key-created" } });
    expect(audit.details).toEqual({ name: "k" });
    expect(await migrateDatabase({ provider, databaseUrl: url })).toEqual([]);
  });

  it("lets the client read every model (no missing table or column)", async () => {
    const delegates = Object.keys(db).filter((k) => !k.startsWith("$") && !k.startsWith("_") && typeof (db as never as Record<string, { findFirst?: unknown }>)[k]?.findFirst === "function");
    expect(delegates.length).toBeGreaterThanOrEqual(20);
    for (const name of delegates) {
      // a missing table or column makes this reject
      await (db as never as Record<string, { findFirst: () => Promise<unknown> }>)[name].findFirst();
    }
  });

  it("stores JSON, bytes and relations the same way on both providers", async () => {
    const app = await createApplication(db, { name: "Acme" });
    const lists = await db.faceList.findMany({ where: { applicationId: app.id } });
    expect(lists).toEqual([expect.objectContaining({ kind: "blocklist", isSystem: true })]);
    const workflow = await db.workflow.create({ data: { applicationId: app.id, label: "w", draftGraph: { nodes: [{ id: "start", n: 1.5 }], edges: [] } } });
    const template = await db.faceTemplate.create({ data: { applicationId: app.id, source: "portrait", modelId: "m", embedding: encryptEmbedding(new Float32Array([0.5, -0.25])) } });
    const readBack = await db.faceTemplate.findUniqueOrThrow({ where: { id: template.id } });
    expect(Array.from(decryptEmbedding(readBack.embedding))).toEqual([0.5, -0.25]);
    expect((await db.workflow.findUniqueOrThrow({ where: { id: workflow.id } })).draftGraph).toEqual({ nodes: [{ id: "start", n: 1.5 }], edges: [] });
    await db.application.delete({ where: { id: app.id } });
    expect(await db.faceTemplate.count({ where: { applicationId: app.id } })).toBe(0);
  });

  it("enforces unique constraints", async () => {
    const app = await createApplication(db, { name: "Unique" });
    await db.apiKey.create({ data: { applicationId: app.id, name: "a", keyId: "key_000000000001", hash: "h-1" } });
    await expect(db.apiKey.create({ data: { applicationId: app.id, name: "b", keyId: "key_000000000002", hash: "h-1" } })).rejects.toThrow();
    await expect(db.apiKey.create({ data: { applicationId: app.id, name: "c", keyId: "key_000000000001", hash: "h-2" } })).rejects.toThrow();
  });
});
