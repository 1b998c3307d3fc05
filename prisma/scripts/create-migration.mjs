// Developer tool: `npm run db:migration -- <name>` writes the SQL migration from the last migrated schema
// (prisma/migrations/schema.snapshot.prisma) to prisma/schema.prisma, for SQLite and for PostgreSQL.
// Prisma 7's CLI needs a schema-engine binary that cannot be downloaded offline; prisma 6.19.3 ships a
// WebAssembly engine whose `migrate diff` runs offline, so it is installed once into a cache folder here.
// PostgreSQL diffs need a reachable server: MIGRATE_PG_URL (default postgresql://postgres@127.0.0.1:5432/postgres).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { root, sqliteSchemaPath } from "./schemas.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(1);
}
const tool = join(root, "node_modules", ".cache", "prisma-migrate-tool");
const pgUrl = process.env.MIGRATE_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function ensureTool() {
  if (existsSync(join(tool, "node_modules", "prisma"))) return;
  mkdirSync(tool, { recursive: true });
  writeFileSync(join(tool, "package.json"), JSON.stringify({ name: "prisma-migrate-tool", private: true }));
  execFileSync("npm", ["install", "--silent", "prisma@6.19.3", "@prisma/adapter-better-sqlite3@6.19.3", "@prisma/adapter-pg@6.19.3", "pg"], { cwd: tool, stdio: "inherit" });
}

const config = `import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: process.env.MIGRATE_SCHEMA,
  async adapter() {
    if (process.env.MIGRATE_PROVIDER === "postgresql") return new PrismaPg({ connectionString: ${JSON.stringify(pgUrl)} });
    return new PrismaBetterSQLite3({ url: "file:./diff.db" });
  },
});
`;

// prisma 6 wants a url in the datasource and the client engine type spelled out
function toolSchema(source, provider) {
  const url = provider === "sqlite" ? "file:./diff.db" : pgUrl;
  return source
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client"\n  engineType = "client"')
    .replace('provider = "sqlite"', `provider = "${provider}"\n  url = "${url}"`);
}

function diff(provider, fromSource, toSource) {
  const from = join(tool, `from-${provider}.prisma`);
  const to = join(tool, `to-${provider}.prisma`);
  writeFileSync(to, toolSchema(toSource, provider));
  const args = ["prisma", "migrate", "diff", "--to-schema-datamodel", to, "--script"];
  if (fromSource) {
    writeFileSync(from, toolSchema(fromSource, provider));
    args.push("--from-schema-datamodel", from);
  } else {
    args.push("--from-empty");
  }
  const env = { ...process.env, MIGRATE_PROVIDER: provider, MIGRATE_SCHEMA: to, PRISMA_QUERY_ENGINE_LIBRARY: "/bin/false", PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  return execFileSync("npx", args, { cwd: tool, env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
}

ensureTool();
writeFileSync(join(tool, "prisma.config.ts"), config);
const snapshot = join(root, "prisma", "migrations", "schema.snapshot.prisma");
const fromSource = existsSync(snapshot) ? readFileSync(snapshot, "utf8") : null;
const toSource = readFileSync(sqliteSchemaPath, "utf8");
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const provider of ["sqlite", "postgresql"]) {
  const sql = diff(provider, fromSource, toSource).replace(/^Loaded Prisma config.*\n/m, "").trim();
  if (!sql || /^-- This is an empty migration/.test(sql)) {
    console.log(`${provider}: no changes`);
    continue;
  }
  const dir = join(root, "prisma", "migrations", provider, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), `${sql}\n`);
  console.log(`${provider}: wrote ${dir}`);
}
copyFileSync(sqliteSchemaPath, snapshot);
