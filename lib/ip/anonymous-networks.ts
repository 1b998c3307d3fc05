import { readdirSync, readFileSync } from "node:fs";
import { BlockList, isIP } from "node:net";
import path from "node:path";

// Tor exits, VPN and hosting ranges from data files (lib/ip/data/*.txt and ANONYMOUS_IP_LISTS), loaded
// once; matching is node:net's BlockList, so there is no look-up at request time.
let list: BlockList | undefined;

function parseInto(block: BlockList, text: string): void {
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [address, bits] = line.split("/");
    const family = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    if (!family) continue;
    if (bits) block.addSubnet(address, Number(bits), family);
    else block.addAddress(address, family);
  }
}

function load(): BlockList {
  const block = new BlockList();
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "ip", "data");
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => path.join(dir, f));
  for (const extra of (process.env.ANONYMOUS_IP_LISTS ?? "").split(",").map((s) => s.trim()).filter(Boolean)) files.push(extra);
  for (const file of files) parseInto(block, readFileSync(file, "utf8"));
  return block;
}

export function isAnonymousIp(ip: string | null): boolean {
  if (!ip) return false;
  const family = isIP(ip);
  if (!family) return false;
  list ??= load();
  return list.check(ip, family === 6 ? "ipv6" : "ipv4");
}
