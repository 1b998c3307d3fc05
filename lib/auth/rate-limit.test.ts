import { beforeEach, describe, expect, it } from "vitest";
import { resetRateLimits, takeRateLimitToken } from "@/lib/auth/rate-limit";
import { hasRole } from "@/lib/auth/roles";

describe("token bucket", () => {
  beforeEach(() => resetRateLimits());

  it("allows a burst of `limit`, then refuses with a retry time", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) expect(takeRateLimitToken("k", 3, t0).allowed).toBe(true);
    const refused = takeRateLimitToken("k", 3, t0);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 20 });
  });

  it("refills over time and keeps keys apart", () => {
    const t0 = 5_000_000;
    for (let i = 0; i < 3; i++) takeRateLimitToken("a", 3, t0);
    expect(takeRateLimitToken("b", 3, t0).allowed).toBe(true);
    expect(takeRateLimitToken("a", 3, t0 + 20_000).allowed).toBe(true);
    expect(takeRateLimitToken("a", 3, t0 + 20_001).allowed).toBe(false);
  });
});

describe("roles", () => {
  it("orders viewer < reviewer < admin", () => {
    expect(hasRole("admin", "reviewer")).toBe(true);
    expect(hasRole("reviewer", "reviewer")).toBe(true);
    expect(hasRole("viewer", "reviewer")).toBe(false);
    expect(hasRole("unknown", "viewer")).toBe(false);
  });
});
