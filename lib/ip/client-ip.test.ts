import { describe, expect, it } from "vitest";
import { isAnonymousIp } from "@/lib/ip/anonymous-networks";
import { getPeerStamp } from "@/lib/ip/get-peer-stamp";
import { parseTrustedProxies } from "@/lib/ip/parse-trusted-proxies";
import { readPeerAddress } from "@/lib/ip/read-peer-address";
import { resolveClientIp, type ClientIpInput } from "@/lib/ip/resolve-client-ip";

function trusting(spec: string): ClientIpInput["isTrustedProxy"] {
  const { list } = parseTrustedProxies(spec);
  return (address) => list.check(address, address.includes(":") ? "ipv6" : "ipv4");
}

const direct = { forwardedFor: null, realIp: null, isTrustedProxy: trusting(""), hops: 0 };

describe("client address", () => {
  it("uses the socket address when no proxy is trusted, whatever the forwarded headers claim", () => {
    const spoofed = { ...direct, forwardedFor: "203.0.113.10", realIp: "203.0.113.11" };
    expect(resolveClientIp({ ...spoofed, peer: "198.51.100.20" })).toBe("198.51.100.20");
    expect(resolveClientIp({ ...spoofed, peer: "::ffff:192.0.2.1" })).toBe("192.0.2.1");
    expect(resolveClientIp({ ...spoofed, peer: "2001:db8::7" })).toBe("2001:db8::7");
  });

  it("is unknown when the socket address is not known: never a forwarded header instead", () => {
    expect(resolveClientIp({ ...direct, peer: null, forwardedFor: "203.0.113.10" })).toBeNull();
    expect(resolveClientIp({ ...direct, peer: "garbage", forwardedFor: "203.0.113.10" })).toBeNull();
  });

  it("reads X-Forwarded-For from the right behind trusted proxies (IPv4 and IPv6 ranges)", () => {
    const behind = { ...direct, isTrustedProxy: trusting("10.0.0.0/8, 2001:db8:ffff::/48") };
    // the client wrote "6.6.6.6" itself; the proxy appended what it saw
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.5" })).toBe("203.0.113.5");
    expect(resolveClientIp({ ...behind, peer: "2001:db8:ffff::1", forwardedFor: "[2001:db8:1::9]:443" })).toBe("2001:db8:1::9");
    // two trusted proxies in a row, then the client
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", forwardedFor: "203.0.113.5, 10.1.2.3" })).toBe("203.0.113.5");
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", forwardedFor: "203.0.113.5:5678" })).toBe("203.0.113.5");
    // a Tor exit behind the proxy cannot pass for a normal address by prepending one
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", forwardedFor: "203.0.113.10, 185.220.101.17" })).toBe("185.220.101.17");
    // an untrusted peer's forwarded headers are ignored
    expect(resolveClientIp({ ...behind, peer: "198.51.100.20", forwardedFor: "203.0.113.5" })).toBe("198.51.100.20");
  });

  it("skips TRUSTED_PROXY_HOPS unlisted proxies, only behind a trusted peer", () => {
    const cdn = { ...direct, isTrustedProxy: trusting("10.0.0.2"), hops: 1 };
    expect(resolveClientIp({ ...cdn, peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.5, 192.0.2.80" })).toBe("203.0.113.5");
    expect(resolveClientIp({ ...cdn, peer: "198.51.100.20", forwardedFor: "6.6.6.6, 203.0.113.5, 192.0.2.80" })).toBe("198.51.100.20");
    // a chain shorter than the hops cannot name the client
    expect(resolveClientIp({ ...cdn, peer: "10.0.0.2", forwardedFor: "192.0.2.80" })).toBeNull();
  });

  it("falls back to X-Real-IP from a trusted proxy that sends no X-Forwarded-For, and to unknown otherwise", () => {
    const behind = { ...direct, isTrustedProxy: trusting("10.0.0.2") };
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", realIp: "203.0.113.5" })).toBe("203.0.113.5");
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2" })).toBeNull();
    expect(resolveClientIp({ ...behind, peer: "10.0.0.2", forwardedFor: "garbage, 203.0.113.5, nonsense" })).toBeNull();
  });

  it("rejects malformed TRUSTED_PROXIES entries", () => {
    expect(() => parseTrustedProxies("10.0.0.0/8 ::1 2001:db8::/32")).not.toThrow();
    expect(parseTrustedProxies("").empty).toBe(true);
    for (const bad of ["10.0.0.0/33", "2001:db8::/129", "proxy.example.com", "10.0.0.1/8/1", "10.0.0.0/x"]) expect(() => parseTrustedProxies(bad)).toThrow(/TRUSTED_PROXIES/);
  });

  it("believes only peer stamps carrying this process's secret", () => {
    const { header, secret } = getPeerStamp();
    expect(readPeerAddress(new Headers({ [header]: `${secret} 192.0.2.1` }))).toBe("192.0.2.1");
    expect(readPeerAddress(new Headers({ [header]: "forged 192.0.2.1" }))).toBeNull();
    expect(readPeerAddress(new Headers({ [header]: `${secret.slice(1)}x 192.0.2.1` }))).toBeNull();
    expect(readPeerAddress(new Headers())).toBeNull();
  });

  it("matches addresses against the anonymising-network lists", () => {
    expect(isAnonymousIp("185.220.101.17")).toBe(true);
    expect(isAnonymousIp("198.51.100.7")).toBe(true);
    expect(isAnonymousIp("2001:db8::1")).toBe(true);
    expect(isAnonymousIp("203.0.113.10")).toBe(false);
    expect(isAnonymousIp(null)).toBe(false);
  });
});
