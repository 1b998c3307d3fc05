import { BlockList, isIP } from "node:net";

export type TrustedProxies = { list: BlockList; empty: boolean };

// TRUSTED_PROXIES: comma- or space-separated addresses and CIDR ranges, IPv4 and IPv6 (e.g.
// "10.0.0.0/8, 2001:db8::/32, 127.0.0.1"). Throws on an entry it cannot read, so a typo stops the
// start-up instead of silently trusting nothing (or everything).
export function parseTrustedProxies(value: string): TrustedProxies {
  const list = new BlockList();
  const entries = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? null : Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== null && (!/^\d+$/.test(bits) || prefix > maxBits))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (prefix === null) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return { list, empty: entries.length === 0 };
}
