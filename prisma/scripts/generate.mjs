// Generates the Prisma clients for SQLite and PostgreSQL (lib/generated/{sqlite,postgres}).
// The schema engine binary is a separate download that is unavailable offline; generate does not need it.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { root, sqliteSchemaPath, writePostgresSchema } from "./schemas.mjs";

const prismaCli = join(root, "node_modules", "prisma", "build", "index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

for (const schema of [sqliteSchemaPath, writePostgresSchema()]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], { cwd: root, env, stdio: ["ignore", "ignore", "inherit"] });
}
console.log("prisma: generated SQLite and PostgreSQL clients");
