// `npm run keys:rotate [-- --batch-size N --pause-ms N]`: re-seals all stored data with ENCRYPTION_KEY.
// Run it with the server's own environment (DATA_DIR, DATABASE_URL, ENCRYPTION_KEY = the new key,
// ENCRYPTION_KEY_PREVIOUS = the old one); the server may keep serving meanwhile. Safe to interrupt and
// run again. Exit code 0 when everything is on the new key, 1 otherwise.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { rotateEncryptionKey } from "@/lib/crypto/rotate-encryption-key";
import { disconnectDb, getDb } from "@/lib/db";

const envFile = path.join(process.cwd(), ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

const { values } = parseArgs({ options: { "batch-size": { type: "string", default: "200" }, "pause-ms": { type: "string", default: "0" } } });
const batchSize = Number(values["batch-size"]);
const pauseMs = Number(values["pause-ms"]);
if (!Number.isInteger(batchSize) || batchSize < 1 || !Number.isInteger(pauseMs) || pauseMs < 0) {
  console.error("Usage: npm run keys:rotate -- [--batch-size N (>= 1)] [--pause-ms N (>= 0, between batches)]");
  process.exit(2);
}

try {
  const summary = await rotateEncryptionKey(getDb(), { batchSize, pauseMs, log: (line) => console.log(line) });
  console.log(`re-sealed ${summary.rotated} values with key ${summary.keyId}; ${summary.alreadyCurrent} were already on it (${summary.passes} pass${summary.passes > 1 ? "es" : ""})`);
  if (summary.complete) {
    console.log("Everything is sealed with the current key. ENCRYPTION_KEY_PREVIOUS can be removed (restart the servers after removing it).");
  } else {
    for (const line of summary.unreadable.slice(0, 20)) console.error(`cannot open: ${line}`);
    if (summary.unreadable.length > 20) console.error(`... and ${summary.unreadable.length - 20} more`);
    console.error(summary.unreadable.length ? "Some values could not be opened with the configured keys; add the key they were sealed with to ENCRYPTION_KEY_PREVIOUS and run again." : "Some values changed while the rotation ran; run it again.");
    process.exitCode = 1;
  }
} catch (error) {
  console.error(`key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
