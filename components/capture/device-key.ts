import { formatDeviceKeyMessage } from "@/lib/capture/format-device-key-message";

// This browser's device key for adaptive step-up: an ECDSA P-256 key pair made once with WebCrypto as
// non-extractable (script on this page can use it, nobody can read it out) and kept in IndexedDB for
// this origin. It signs each session's server nonce at start; a copied cookie without the key is a
// new device to the server. Any failure (no WebCrypto on plain http, IndexedDB blocked) answers null:
// the device then simply counts as new and the user takes a selfie.
export type DeviceKeyProof = { public_key: string; signature: string };

const DB_NAME = "faceid-device";
const STORE = "keys";
const KEY_ID = "device-v1";
const TIMEOUT_MS = 3000;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openStore(): Promise<IDBDatabase> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return request(open);
}

async function loadOrCreateKeyPair(): Promise<CryptoKeyPair> {
  const db = await openStore();
  try {
    const existing = (await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID))) as CryptoKeyPair | undefined;
    if (existing?.privateKey && existing.publicKey) return existing;
    const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
    // add, not put: if another tab made one meanwhile, keep theirs and use it
    await request(db.transaction(STORE, "readwrite").objectStore(STORE).add(pair, KEY_ID)).catch(() => undefined);
    return ((await request(db.transaction(STORE).objectStore(STORE).get(KEY_ID))) as CryptoKeyPair | undefined) ?? pair;
  } finally {
    db.close();
  }
}

function base64url(bytes: ArrayBuffer): string {
  let text = "";
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function sign(input: { sessionId: string; nonce: string }): Promise<DeviceKeyProof> {
  const pair = await loadOrCreateKeyPair();
  const message = new TextEncoder().encode(formatDeviceKeyMessage(input));
  const [spki, signature] = await Promise.all([crypto.subtle.exportKey("spki", pair.publicKey), crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, message)]);
  return { public_key: base64url(spki), signature: base64url(signature) };
}

export async function signWithDeviceKey(input: { sessionId: string; nonce: string }): Promise<DeviceKeyProof | null> {
  if (typeof indexedDB === "undefined" || !globalThis.crypto?.subtle) return null;
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), TIMEOUT_MS));
  return Promise.race([sign(input).catch(() => null), timeout]);
}
