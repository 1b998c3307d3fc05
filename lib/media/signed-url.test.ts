import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetSecretCache } from "@/lib/crypto/instance-secrets";
import { resetEnvCache } from "@/lib/env";
import { checkSignedMediaUrl, createSignedMediaUrl } from "@/lib/media/signed-url";

describe("signed media URLs", () => {
  const saved = { ...process.env };
  beforeEach(() => {
    process.env.AUTH_SECRET = "s".repeat(40);
    process.env.PUBLIC_URL = "https://verify.example.com";
    resetEnvCache();
    resetSecretCache();
  });
  afterEach(() => {
    process.env = { ...saved };
    resetEnvCache();
    resetSecretCache();
  });

  function parts(url: string) {
    const u = new URL(url);
    return { id: u.pathname.split("/").pop()!, expires: u.searchParams.get("expires"), signature: u.searchParams.get("signature") };
  }

  it("is valid for an hour, then expired", () => {
    const now = Date.UTC(2026, 0, 1);
    const url = createSignedMediaUrl("abc", { now });
    expect(url).toMatch(/^https:\/\/verify\.example\.com\/media\/abc\?expires=\d+&signature=/);
    expect(checkSignedMediaUrl({ ...parts(url), now: now + 59 * 60_000 })).toBe("valid");
    expect(checkSignedMediaUrl({ ...parts(url), now: now + 61 * 60_000 })).toBe("expired");
  });

  it("rejects another id, a changed expiry or a missing signature", () => {
    const p = parts(createSignedMediaUrl("abc"));
    expect(checkSignedMediaUrl({ ...p, id: "abd" })).toBe("invalid");
    expect(checkSignedMediaUrl({ ...p, expires: String(Number(p.expires) + 3600) })).toBe("invalid");
    expect(checkSignedMediaUrl({ ...p, signature: null })).toBe("invalid");
  });
});
