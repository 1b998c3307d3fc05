import { BlockList, isIP } from "node:net";
import { findEmbeddedIpv4 } from "@/lib/webhooks/find-embedded-ipv4";

export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "cgnat"
  | "link-local"
  | "metadata"
  | "multicast"
  | "reserved"
  | "invalid";

// Ranges a webhook must never reach (SSRF). Order matters: the first matching kind is reported, so the
// cloud metadata address wins over the link-local range it sits in.
const ranges: Array<[Exclude<AddressKind, "public" | "invalid">, string, number, "ipv4" | "ipv6"]> = [
  ["metadata", "169.254.169.254", 32, "ipv4"],
  ["metadata", "fd00:ec2::254", 128, "ipv6"],
  ["unspecified", "0.0.0.0", 8, "ipv4"],
  ["loopback", "127.0.0.0", 8, "ipv4"],
  ["private", "10.0.0.0", 8, "ipv4"],
  ["private", "172.16.0.0", 12, "ipv4"],
  ["private", "192.168.0.0", 16, "ipv4"],
  ["cgnat", "100.64.0.0", 10, "ipv4"],
  ["link-local", "169.254.0.0", 16, "ipv4"],
  ["reserved", "192.0.0.0", 24, "ipv4"],
  ["reserved", "192.0.2.0", 24, "ipv4"],
  ["reserved", "192.88.99.0", 24, "ipv4"],
  ["reserved", "198.18.0.0", 15, "ipv4"],
  ["reserved", "198.51.100.0", 24, "ipv4"],
  ["reserved", "203.0.113.0", 24, "ipv4"],
  ["multicast", "224.0.0.0", 4, "ipv4"],
  ["reserved", "240.0.0.0", 4, "ipv4"],
  ["unspecified", "::", 128, "ipv6"],
  ["loopback", "::1", 128, "ipv6"],
  ["private", "fc00::", 7, "ipv6"],
  ["link-local", "fe80::", 10, "ipv6"],
  ["private", "fec0::", 10, "ipv6"],
  ["multicast", "ff00::", 8, "ipv6"],
  ["reserved", "2001:db8::", 32, "ipv6"],
  ["reserved", "3fff::", 20, "ipv6"],
  ["reserved", "2001:2::", 48, "ipv6"],
  ["reserved", "2001:10::", 28, "ipv6"],
  ["reserved", "2001:20::", 28, "ipv6"],
  ["reserved", "100::", 64, "ipv6"],
  // the local-use NAT64 prefix (RFC 8215) is never a public destination: its IPv4 may sit at any RFC 6052
  // offset, so rather than guess the layout the whole /48 is refused
  ["private", "64:ff9b:1::", 48, "ipv6"],
];

const lists = ranges.map(([kind, network, prefix, family]) => {
  const list = new BlockList();
  list.addSubnet(network, prefix, family);
  return { kind, list, family };
});

function classifyOne(address: string, family: "ipv4" | "ipv6"): AddressKind {
  return lists.find(({ list, family: f }) => f === family && list.check(address, family))?.kind ?? "public";
}

// Which kind of network an IP address belongs to. Pure (no DNS): the caller resolves names first.
// An IPv6 address that carries an IPv4 one (mapped, compatible, 6to4, Teredo, NAT64, ISATAP) is as
// dangerous as the most dangerous of the addresses it can lead to, so ::ffff:127.0.0.1 or
// 2002:7f00:1:: cannot slip past as "public IPv6".
export function classifyAddress(address: string): AddressKind {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const version = isIP(bare);
  if (version === 0) return "invalid";
  if (version === 4) return classifyOne(bare, "ipv4");
  // a non-public IPv6 range decides first (:: and ::1 are themselves, not the IPv4-compatible forms
  // of 0.0.0.0 and 0.0.0.1; the local-use NAT64 prefix is refused whatever layout it uses)
  const own = classifyOne(bare, "ipv6");
  if (own !== "public") return own;
  for (const inner of findEmbeddedIpv4(bare)) {
    const kind = classifyOne(inner, "ipv4");
    if (kind !== "public") return kind;
  }
  return "public";
}
