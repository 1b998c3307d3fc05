import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decrypt, decryptEmbedding, describeKeyId, encrypt, encryptEmbedding, encryptString, decryptString, sealedKeyId } from "@/lib/crypto/encryption";
import { getEncryptionKey, getPreviousEncryptionKeys, parseKey, resetSecretCache } from "@/lib/crypto/instance-secrets";
import { resetEnvCache } from "@/lib/env";

describe("AES-256-GCM envelope", () => {
  const key = randomBytes(32);

  it("round-trips bytes and never repeats a ciphertext", () => {
    const plain = Buffer.from("face template bytes");
    const a = encrypt(plain, key);
    const b = encrypt(plain, key);
    expect(a.equals(b)).toBe(false);
    expect(decrypt(a, key).equals(plain)).toBe(true);
    expect(a.includes(plain)).toBe(false);
  });

  it("detects tampering", () => {
    const sealed = encrypt(Buffer.from("x".repeat(64)), key);
    sealed[sealed.length - 1] ^= 1;
    expect(() => decrypt(sealed, key)).toThrow();
  });

  it("refuses another key with a clear message", () => {
    const sealed = encrypt(Buffer.from("secret"), key);
    expect(() => decrypt(sealed, randomBytes(32))).toThrow(/different key/);
  });

  it("binds associated data (a template sealed for one record cannot be moved to another)", () => {
    const sealed = encrypt(Buffer.from("t"), key, "template:1");
    expect(decrypt(sealed, key, "template:1").toString()).toBe("t");
    expect(() => decrypt(sealed, key, "template:2")).toThrow();
  });

  it("rejects data that is not an envelope", () => {
    expect(() => decrypt(Buffer.from("plain text"), key)).toThrow(/Not an encrypted payload/);
  });
});

describe("instance encryption key", () => {
  let dataDir: string;
  const saved = { ...process.env };

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), "faceid-key-"));
    process.env.DATA_DIR = dataDir;
    delete process.env.ENCRYPTION_KEY;
    resetEnvCache();
    resetSecretCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    resetSecretCache();
  });

  it("is generated once into DATA_DIR with 0600 permissions and reused", () => {
    const key = getEncryptionKey();
    const file = path.join(dataDir, "secrets", "encryption.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key).toHaveLength(32);
    resetSecretCache();
    expect(getEncryptionKey().equals(key)).toBe(true);
    expect(Buffer.from(readFileSync(file, "utf8"), "base64").equals(key)).toBe(true);
  });

  it("comes from ENCRYPTION_KEY when set (hex or base64)", () => {
    const raw = randomBytes(32);
    process.env.ENCRYPTION_KEY = raw.toString("hex");
    resetEnvCache();
    expect(getEncryptionKey().equals(raw)).toBe(true);
    expect(parseKey(raw.toString("base64")).equals(raw)).toBe(true);
    expect(() => parseKey("too-short")).toThrow(/32 bytes/);
  });

  it("seals strings and embeddings with the instance key", () => {
    expect(decryptString(encryptString("whsec_abc", "dest:1"), "dest:1")).toBe("whsec_abc");
    const embedding = new Float32Array([0.1, -0.5, 0.25, 1]);
    expect(Array.from(decryptEmbedding(encryptEmbedding(embedding)))).toEqual(Array.from(embedding));
  });
});

describe("key rotation keyring", () => {
  const saved = { ...process.env };
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const use = (vars: Record<string, string | undefined>) => {
    process.env = { ...saved, ...vars };
    for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
    resetEnvCache();
    resetSecretCache();
  };
  afterEach(() => use({}));

  it("opens envelopes of a previous key, seals new data with the current one", () => {
    use({ ENCRYPTION_KEY: oldKey.toString("hex"), ENCRYPTION_KEY_PREVIOUS: undefined });
    const sealedOld = encryptString("whsec_old", "dest:1");
    expect(sealedKeyId(sealedOld)).toBe(describeKeyId(oldKey));

    use({ ENCRYPTION_KEY: newKey.toString("hex"), ENCRYPTION_KEY_PREVIOUS: undefined });
    expect(() => decryptString(sealedOld, "dest:1")).toThrow(/different key .*ENCRYPTION_KEY_PREVIOUS/);

    use({ ENCRYPTION_KEY: newKey.toString("hex"), ENCRYPTION_KEY_PREVIOUS: `${randomBytes(32).toString("base64")}, ${oldKey.toString("hex")}` });
    expect(decryptString(sealedOld, "dest:1")).toBe("whsec_old");
    expect(sealedKeyId(encryptString("whsec_new", "dest:1"))).toBe(describeKeyId(newKey));
    // the associated data still binds the value to its row
    expect(() => decryptString(sealedOld, "dest:2")).toThrow();
  });

  it("ignores the current key listed as previous and refuses malformed previous keys", () => {
    use({ ENCRYPTION_KEY: newKey.toString("hex"), ENCRYPTION_KEY_PREVIOUS: newKey.toString("hex") });
    expect(getPreviousEncryptionKeys()).toEqual([]);
    use({ ENCRYPTION_KEY: newKey.toString("hex"), ENCRYPTION_KEY_PREVIOUS: "short" });
    expect(() => getPreviousEncryptionKeys()).toThrow(/ENCRYPTION_KEY_PREVIOUS must be 32-byte keys/);
  });

  it("reads no key id from something that is not an envelope", () => {
    expect(sealedKeyId(Buffer.from("plain"))).toBeNull();
  });
});
