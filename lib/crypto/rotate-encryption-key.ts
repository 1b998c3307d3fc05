import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { decrypt, describeKeyId, encrypt, sealedKeyId } from "@/lib/crypto/encryption";
import { getEncryptionKey } from "@/lib/crypto/instance-secrets";
import { writeKeyCheck } from "@/lib/crypto/key-check";
import { blobAad, blobRoot, sealedColumns, walkBlobFiles } from "@/lib/crypto/sealed-data";
import type { Db } from "@/lib/db";

export type RotationSummary = { keyId: string; rotated: number; alreadyCurrent: number; unreadable: string[]; passes: number; complete: boolean };
type Options = { batchSize?: number; pauseMs?: number; log?: (line: string) => void };
type Pass = { rotated: number; alreadyCurrent: number; changedMeanwhile: number; unreadable: string[] };

const MAX_PASSES = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function rotateColumns(db: Db, key: Buffer, pass: Pass, options: Required<Options>): Promise<void> {
  const keyId = describeKeyId(key);
  for (const column of sealedColumns) {
    let afterId: string | undefined;
    let rotated = 0;
    for (;;) {
      const rows = await column.page(db, { afterId, take: options.batchSize });
      if (rows.length === 0) break;
      for (const row of rows) {
        if (sealedKeyId(row.sealed) === keyId) {
          pass.alreadyCurrent++;
          continue;
        }
        let plain: Buffer;
        try {
          plain = decrypt(row.sealed, undefined, column.aad(row.id));
        } catch (error) {
          pass.unreadable.push(`${column.name} ${row.id}: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        // conditional on the old value: a value the server changed meanwhile is its (current-key) one
        const from = new Uint8Array(row.sealed);
        if (await column.replace(db, { id: row.id, from, to: new Uint8Array(encrypt(plain, key, column.aad(row.id))) })) rotated++;
        else pass.changedMeanwhile++;
      }
      afterId = rows[rows.length - 1].id;
      if (rotated) options.log(`${column.name}: ${rotated} re-sealed so far`);
      if (options.pauseMs) await sleep(options.pauseMs);
    }
    pass.rotated += rotated;
  }
}

async function rotateBlobs(db: Db, key: Buffer, pass: Pass, options: Required<Options>): Promise<void> {
  const keyId = describeKeyId(key);
  let rotated = 0;
  for await (const file of walkBlobFiles()) {
    const sealed = await readFile(file).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));
    if (!sealed) continue; // deleted meanwhile
    if (sealedKeyId(sealed) === keyId) {
      pass.alreadyCurrent++;
      continue;
    }
    const name = path.relative(blobRoot(), file);
    let plain: Buffer;
    try {
      plain = decrypt(sealed, undefined, blobAad(file));
    } catch (error) {
      pass.unreadable.push(`blob ${name}: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const mediaId = path.basename(file, ".bin");
    const hadRow = (await db.media.count({ where: { id: mediaId } })) > 0;
    // write-then-rename: a kill leaves either the old or the new envelope under the name, never half
    const tmp = `${file}.rotate.tmp`;
    await writeFile(tmp, encrypt(plain, key, blobAad(file)), { mode: 0o600 });
    await rename(tmp, file);
    // the media was deleted while we re-sealed it: deletion must still delete the file
    if (hadRow && (await db.media.count({ where: { id: mediaId } })) === 0) await rm(file, { force: true });
    if (++rotated % options.batchSize === 0) {
      options.log(`blobs: ${rotated} re-sealed so far`);
      if (options.pauseMs) await sleep(options.pauseMs);
    }
  }
  pass.rotated += rotated;
}

// Re-seals everything sealed with a previous key (every sealed column, every blob file) with the
// current ENCRYPTION_KEY, while the server may keep running with ENCRYPTION_KEY + ENCRYPTION_KEY_PREVIOUS.
// Resumable: each value is re-sealed on its own (conditional row update, atomic file rename), values
// already on the current key are skipped, so a killed run is simply run again. When nothing is left on
// an old key, the key check is re-sealed with the current key: from then on the server starts without
// ENCRYPTION_KEY_PREVIOUS, and refuses to start without it until then.
export async function rotateEncryptionKey(db: Db, options: Options = {}): Promise<RotationSummary> {
  const settings: Required<Options> = { batchSize: options.batchSize ?? 200, pauseMs: options.pauseMs ?? 0, log: options.log ?? (() => undefined) };
  const key = getEncryptionKey();
  const total = { rotated: 0, alreadyCurrent: 0 };
  let last: Pass = { rotated: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] };
  let passes = 0;
  // a value changed by the server during a pass is looked at again in the next one
  do {
    passes++;
    last = { rotated: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: [] };
    await rotateColumns(db, key, last, settings);
    await rotateBlobs(db, key, last, settings);
    total.rotated += last.rotated;
    total.alreadyCurrent = last.alreadyCurrent;
  } while (last.changedMeanwhile > 0 && passes < MAX_PASSES);
  const complete = last.unreadable.length === 0 && last.changedMeanwhile === 0;
  if (complete) await writeKeyCheck(db, key);
  return { keyId: describeKeyId(key), rotated: total.rotated, alreadyCurrent: total.alreadyCurrent, unreadable: last.unreadable, passes, complete };
}
