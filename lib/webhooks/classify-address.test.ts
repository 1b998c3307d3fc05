import { describe, expect, it } from "vitest";
import { classifyAddress } from "@/lib/webhooks/classify-address";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["2606:4700:4700::1111", "public"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["192.168.1.10", "private"],
    ["fd00::1", "private"],
    ["fc00::1", "private"],
    ["100.64.0.1", "cgnat"],
    ["100.127.255.254", "cgnat"],
    ["100.128.0.1", "public"],
    ["169.254.169.254", "metadata"],
    ["fd00:ec2::254", "metadata"],
    ["169.254.10.1", "link-local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.5", "reserved"],
    ["2001:db8::1", "reserved"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "metadata"],
    ["64:ff9b::10.0.0.1", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["example.com", "invalid"],
    ["", "invalid"],
  ])("%s -> %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  // IPv6 forms that carry an IPv4 address are judged by it (the packet ends up there).
  it.each([
    // IPv4-mapped, dotted and hex
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "metadata"],
    ["0:0:0:0:0:ffff:7f00:1", "loopback"],
    // IPv4-translated (RFC 2765)
    ["::ffff:0:127.0.0.1", "loopback"],
    ["::ffff:0:8.8.8.8", "public"],
    // IPv4-compatible (deprecated), while :: and ::1 stay themselves
    ["::127.0.0.1", "loopback"],
    ["::7f00:1", "loopback"],
    ["::10.1.2.3", "private"],
    ["::169.254.169.254", "metadata"],
    ["::8.8.8.8", "public"],
    // 6to4: the relay's IPv4 in bits 16-47
    ["2002:7f00:1::", "loopback"],
    ["2002:a9fe:a9fe::1", "metadata"],
    ["2002:c0a8:101:1::1", "private"],
    ["2002:808:808::1", "public"],
    // Teredo: server IPv4 in bits 32-63, client IPv4 XOR 0xffffffff in the last 32 bits
    ["2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback"],
    ["2001:0:4136:e378:8000:63bf:3f57:fefe", "private"],
    ["2001:0:a00:1:8000:63bf:f7f7:f7f7", "private"],
    ["2001:0:a9fe:a9fe:8000:63bf:f7f7:f7f7", "metadata"],
    ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "public"],
    // NAT64 well-known prefix (the IPv4 in the last 32 bits) and the local-use /48
    ["64:ff9b::127.0.0.1", "loopback"],
    ["64:ff9b::a9fe:a9fe", "metadata"],
    ["64:ff9b::c0a8:1", "private"],
    ["64:ff9b::8.8.8.8", "public"],
    ["64:ff9b:1::7f00:1", "private"],
    ["64:ff9b:1:7f00:0:100::", "private"],
    ["64:ff9b:1:a:a:a:a:a", "private"],
    ["64:ff9b:1::8.8.8.8", "private"],
    // ISATAP interface identifiers under a public prefix
    ["2001:4860:1:2:0:5efe:127.0.0.1", "loopback"],
    ["2001:4860:1:2:200:5efe:a9fe:a9fe", "metadata"],
    ["2001:4860:1:2:0:5efe:8.8.8.8", "public"],
    // ordinary public IPv6, and reserved ranges
    ["2001:4860:4860::8888", "public"],
    ["3fff::1", "reserved"],
    ["2001:2::1", "reserved"],
  ])("embedded %s -> %s", (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});
