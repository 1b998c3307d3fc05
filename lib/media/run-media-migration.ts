// `npm run media:migrate`: moves the sealed images of DATA_DIR/blobs into PostgreSQL (the MediaBlob
// table), where every instance reads them. Run it once per machine that has a DATA_DIR/blobs, with the
// server's own environment (DATA_DIR, DATABASE_URL, ENCRYPTION_KEY); the servers may keep serving (they
// read a not-yet-moved image from their own files). Safe to interrupt and run again. Exit code 0 when
// every file was moved, 1 when some were left (listed), 2 when DATABASE_URL is not PostgreSQL.
import { existsSync } from "node:fs";
import path from "node:path";
import { disconnectDb, getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { moveBlobsToDatabase } from "@/lib/media/move-blobs-to-database";

const envFile = path.join(process.cwd(), ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

function list(title: string, lines: string[]): void {
  if (!lines.length) return;
  console.error(`${title} (${lines.length}):`);
  for (const line of lines.slice(0, 20)) console.error(`  ${line}`);
  if (lines.length > 20) console.error(`  ... and ${lines.length - 20} more`);
}

if (getEnv().databaseProvider !== "postgresql") {
  console.error("media:migrate moves DATA_DIR/blobs into PostgreSQL; DATABASE_URL is SQLite, where images stay in DATA_DIR/blobs.");
  process.exit(2);
}
try {
  const summary = await moveBlobsToDatabase(getDb(), { log: (line) => console.log(line) });
  console.log(`moved ${summary.moved} images from ${path.join(getEnv().dataDir, "blobs")} into the database; ${summary.alreadyMoved} were already there`);
  list("left in place: no media row refers to them", summary.orphans);
  list("left in place: they do not open with the configured keys", summary.unreadable);
  if (summary.orphans.length || summary.unreadable.length) process.exitCode = 1;
} catch (error) {
  console.error(`media migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
