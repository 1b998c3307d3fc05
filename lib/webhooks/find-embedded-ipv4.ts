import { isIP } from "node:net";

// The 16 bytes of a valid IPv6 address (a trailing dotted quad included).
function ipv6Bytes(address: string): Uint8Array | null {
  let text = address.toLowerCase();
  const dotted = text.match(/^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number);
    text = `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groupsOf = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  const groups = halves.length === 2 ? [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail] : head;
  if (groups.length !== 8 || groups.some((g) => !Number.isInteger(g) || g < 0 || g > 0xffff)) return null;
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  return bytes;
}

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);
const zero = (bytes: Uint8Array, from: number, to: number) => bytes.subarray(from, to).every((b) => b === 0);
const quad = (bytes: Uint8Array, at: number[], mask = 0) => at.map((i) => bytes[i] ^ mask).join(".");

// The IPv4 addresses an IPv6 address can lead to: traffic to these forms is carried to (or translated
// into) IPv4, so a guard must judge them by the IPv4 inside. Teredo gives two (server and client).
// The local-use NAT64 prefix 64:ff9b:1::/48 is not here: its layout is the operator's choice, so the
// classifier refuses that whole range instead.
export function findEmbeddedIpv4(address: string): string[] {
  if (isIP(address) !== 6) return [];
  const b = ipv6Bytes(address);
  if (!b) return [];
  const last = [12, 13, 14, 15];
  const found: string[] = [];
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated, RFC 2765), ::a.b.c.d (compatible, deprecated)
  if (zero(b, 0, 10) && b[10] === 0xff && b[11] === 0xff) found.push(quad(b, last));
  if (zero(b, 0, 8) && b[8] === 0xff && b[9] === 0xff && zero(b, 10, 12)) found.push(quad(b, last));
  if (zero(b, 0, 12)) found.push(quad(b, last));
  // NAT64 well-known prefix 64:ff9b::/96
  if (startsWith(b, [0x00, 0x64, 0xff, 0x9b]) && zero(b, 4, 12)) found.push(quad(b, last));
  // 6to4 2002:AABB:CCDD::/48 routes to the relay at AA.BB.CC.DD
  if (startsWith(b, [0x20, 0x02])) found.push(quad(b, [2, 3, 4, 5]));
  // Teredo 2001:0::/32: the server's IPv4 in bits 32-63, the client's (XOR-obfuscated) in the last 32
  if (startsWith(b, [0x20, 0x01, 0x00, 0x00])) found.push(quad(b, [4, 5, 6, 7]), quad(b, last, 0xff));
  // ISATAP interface identifier ::0:5efe:a.b.c.d / ::200:5efe:a.b.c.d under any prefix
  if ((b[8] === 0x00 || b[8] === 0x02) && b[9] === 0x00 && b[10] === 0x5e && b[11] === 0xfe) found.push(quad(b, last));
  return [...new Set(found)];
}
