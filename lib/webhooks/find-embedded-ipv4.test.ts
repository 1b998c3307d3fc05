import { describe, expect, it } from "vitest";
import { findEmbeddedIpv4 } from "@/lib/webhooks/find-embedded-ipv4";

describe("findEmbeddedIpv4", () => {
  it.each([
    ["::ffff:1.2.3.4", ["1.2.3.4"]],
    ["::ffff:102:304", ["1.2.3.4"]],
    ["::ffff:0:1.2.3.4", ["1.2.3.4"]],
    ["::1.2.3.4", ["1.2.3.4"]],
    ["64:ff9b::1.2.3.4", ["1.2.3.4"]],
    ["2002:102:304::", ["1.2.3.4"]],
    // Teredo: server 65.54.227.120, client 1.2.3.4 obfuscated as fefd:fcfb
    ["2001:0:4136:e378:8000:63bf:fefd:fcfb", ["65.54.227.120", "1.2.3.4"]],
    ["2001:db8:1:2:0:5efe:1.2.3.4", ["1.2.3.4"]],
  ])("%s carries %j", (address, expected) => {
    expect(findEmbeddedIpv4(address)).toEqual(expected);
  });

  it("finds nothing in plain IPv6 or IPv4 addresses", () => {
    expect(findEmbeddedIpv4("2001:4860:4860::8888")).toEqual([]);
    expect(findEmbeddedIpv4("fe80::1")).toEqual([]);
    expect(findEmbeddedIpv4("64:ff9b:1::1.2.3.4")).toEqual([]);
    expect(findEmbeddedIpv4("1.2.3.4")).toEqual([]);
    expect(findEmbeddedIpv4("not an address")).toEqual([]);
  });
});
