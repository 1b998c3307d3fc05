import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatDeviceKeyMessage } from "@/lib/capture/format-device-key-message";
import { verifyDeviceKey } from "@/lib/capture/verify-device-key";

// Keys made and used exactly as the hosted page does it, with WebCrypto (Node's is the same API).
const subtle = webcrypto.subtle;
const b64url = (bytes: ArrayBuffer) => Buffer.from(bytes).toString("base64url");

async function device(curve = "P-256") {
  const pair = await subtle.generateKey({ name: "ECDSA", namedCurve: curve }, false, ["sign", "verify"]);
  const publicKey = b64url(await subtle.exportKey("spki", pair.publicKey));
  const sign = async (sessionId: string, nonce: string) => b64url(await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, pair.privateKey, new TextEncoder().encode(formatDeviceKeyMessage({ sessionId, nonce }))));
  return { pair, publicKey, sign };
}

describe("device key", () => {
  it("accepts the page's signature of this session's nonce", async () => {
    const d = await device();
    expect(d.pair.privateKey.extractable).toBe(false);
    expect(verifyDeviceKey({ publicKey: d.publicKey, signature: await d.sign("s1", "n1"), sessionId: "s1", nonce: "n1" })).toBe(true);
  });

  it("refuses a signature of another session or nonce, by another key, or malformed", async () => {
    const d = await device();
    const other = await device();
    const signature = await d.sign("s1", "n1");
    expect(verifyDeviceKey({ publicKey: d.publicKey, signature, sessionId: "s2", nonce: "n1" })).toBe(false);
    expect(verifyDeviceKey({ publicKey: d.publicKey, signature, sessionId: "s1", nonce: "n2" })).toBe(false);
    expect(verifyDeviceKey({ publicKey: other.publicKey, signature, sessionId: "s1", nonce: "n1" })).toBe(false);
    expect(verifyDeviceKey({ publicKey: "AAAA", signature, sessionId: "s1", nonce: "n1" })).toBe(false);
    expect(verifyDeviceKey({ publicKey: d.publicKey, signature: "AAAA", sessionId: "s1", nonce: "n1" })).toBe(false);
  });

  it("accepts P-256 only", async () => {
    const d = await device("P-384");
    expect(verifyDeviceKey({ publicKey: d.publicKey, signature: await d.sign("s1", "n1"), sessionId: "s1", nonce: "n1" })).toBe(false);
  });
});
