import { describe, expect, it } from "vitest";
import { isAnonymousIp } from "@/lib/ip/anonymous-networks";
import { getClientIp } from "@/lib/ip/client-ip";

describe("client address", () => {
  it("reads X-Forwarded-For from the right, skipping trusted proxies", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.2" });
    expect(getClientIp(h, 0)).toBe("10.0.0.2");
    expect(getClientIp(h, 1)).toBe("203.0.113.5");
    expect(getClientIp(new Headers({ "x-forwarded-for": "::ffff:192.0.2.1" }))).toBe("192.0.2.1");
    expect(getClientIp(new Headers({ "x-forwarded-for": "garbage" }))).toBeNull();
    expect(getClientIp(new Headers())).toBeNull();
  });

  it("matches addresses against the anonymising-network lists", () => {
    expect(isAnonymousIp("185.220.101.17")).toBe(true);
    expect(isAnonymousIp("198.51.100.7")).toBe(true);
    expect(isAnonymousIp("2001:db8::1")).toBe(true);
    expect(isAnonymousIp("203.0.113.10")).toBe(false);
    expect(isAnonymousIp(null)).toBe(false);
  });
});
