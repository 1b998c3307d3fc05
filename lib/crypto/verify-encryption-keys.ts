import { open } from "node:fs/promises";
import path from "node:path";
import { describeKeyId, sealedKeyId } from "@/lib/crypto/encryption";
import { getEncryptionKey, getPreviousEncryptionKeys } from "@/lib/crypto/instance-secrets";
import { readKeyCheck, writeKeyCheck } from "@/lib/crypto/key-check";
import { blobRoot, sealedColumns, walkBlobFiles } from "@/lib/crypto/sealed-data";
import type { Db } from "@/lib/db";

const SAMPLE = 25;

async function readBlobHeader(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const header = new Uint8Array(64);
    const { bytesRead } = await handle.read(header, 0, header.length, 0);
    return header.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// Key ids found in a sample of every sealed column and of the blob files, with one place each was seen.
async function sampleKeyIds(db: Db): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const note = (sealed: Uint8Array, where: string) => {
    const id = sealedKeyId(sealed) ?? "not-an-envelope";
    if (!seen.has(id)) seen.set(id, where);
  };
  for (const column of sealedColumns) {
    for (const row of await column.page(db, { take: SAMPLE })) note(row.sealed, `${column.name} ${row.id}`);
  }
  let files = 0;
  for await (const file of walkBlobFiles()) {
    note(await readBlobHeader(file), `blob ${path.relative(blobRoot(), file)}`);
    if (++files >= SAMPLE) break;
  }
  return seen;
}

const howToFix =
  "Restore the key the data was sealed with as ENCRYPTION_KEY (or DATA_DIR/secrets/encryption.key); every instance on one database must share ENCRYPTION_KEY. To change keys, set the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEY_PREVIOUS, start, and run `npm run keys:rotate`.";

export type EncryptionKeyStatus = { keyId: string; previousKeyIds: string[]; rotationPendingFrom: string | null };

// Start-up check that the configured keys can open the data already stored, so a changed
// ENCRYPTION_KEY stops the server with a clear message instead of leaving /readyz green and every
// decryption a 500. Reads the key check and a sample of every sealed column and blob; writes the key
// check on first start (sealed with a previous key while one is configured or still in use, which
// marks a rotation as pending until `npm run keys:rotate` completes).
export async function verifyEncryptionKeys(db: Db): Promise<EncryptionKeyStatus> {
  const current = getEncryptionKey();
  const previous = getPreviousEncryptionKeys();
  const currentId = describeKeyId(current);
  const previousIds = previous.map(describeKeyId);
  const configured = [currentId, ...previousIds].join(", ");

  const check = await readKeyCheck(db);
  if (check && !check.opens) {
    throw new Error(`The encryption keys cannot open this instance's data: it was sealed with key ${check.keyId}; the configured keys are ${configured}. ${howToFix}`);
  }
  const seen = await sampleKeyIds(db);
  for (const [id, where] of seen) {
    if (id !== currentId && !previousIds.includes(id)) {
      throw new Error(`The encryption keys cannot open this instance's data: ${where} is sealed with key ${id}; the configured keys are ${configured}. ${howToFix}`);
    }
  }
  const stillInUse = previous.find((k) => seen.has(describeKeyId(k)));
  if (!check) await writeKeyCheck(db, stillInUse ?? previous[0] ?? current);
  else if (check.keyId === currentId && stillInUse) await writeKeyCheck(db, stillInUse);
  const after = await readKeyCheck(db);
  return { keyId: currentId, previousKeyIds: previousIds, rotationPendingFrom: after && after.keyId !== currentId ? after.keyId : null };
}
