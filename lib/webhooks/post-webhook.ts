import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { checkDestinationPort } from "@/lib/webhooks/check-destination-port";
import { classifyAddress } from "@/lib/webhooks/classify-address";
import type { AttemptResult } from "@/lib/webhooks/plan-next-attempt";

export type PostResult = AttemptResult & { latencyMs: number; responseExcerpt?: string };

const EXCERPT_BYTES = 1024;
const REFUSED = "EWEBHOOKADDRESS";

// Resolves the name for the socket itself and refuses private answers there, so the address we check is
// the address we connect to (a name re-pointed between the check and the connect cannot slip through).
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 4);
      const blocked = allowPrivate ? undefined : addresses.find((entry) => classifyAddress(entry.address) !== "public");
      if (blocked) {
        const refused = Object.assign(new Error(`${hostname} resolved to ${blocked.address}, a ${classifyAddress(blocked.address)} address`), { code: REFUSED });
        return callback(refused, "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

// One delivery attempt: POST, no redirects followed, hard timeout over the whole exchange, at most 1 KB of
// the answer kept for the attempt log. Never throws: every outcome is a PostResult.
export function postWebhook(input: { url: string; body: string; headers: Record<string, string>; timeoutMs: number; allowPrivate: boolean; allowedPorts: number[] | "any" }): Promise<PostResult> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  const url = new URL(input.url);
  // the allowed ports may have narrowed since the destination was saved
  try {
    checkDestinationPort(url, input.allowedPorts);
  } catch (error) {
    return Promise.resolve({ statusCode: null, kind: "refused", error: error instanceof Error ? error.message : "port not allowed", latencyMs: 0 });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host) && !input.allowPrivate && classifyAddress(host) !== "public") {
    return Promise.resolve({ statusCode: null, kind: "refused", error: `${host} is a ${classifyAddress(host)} address`, latencyMs: 0 });
  }
  const client = url.protocol === "https:" ? https : http;
  const body = Buffer.from(input.body, "utf8");
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "latencyMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, latencyMs: latency() });
    };
    const req = client.request(url, {
      method: "POST",
      headers: { ...input.headers, "Content-Type": "application/json", "Content-Length": String(body.length), "User-Agent": "faceid-webhooks/1" },
      lookup: guardedLookup(input.allowPrivate),
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, kind: "timeout", error: `no complete answer within ${input.timeoutMs} ms` });
      req.destroy();
    }, input.timeoutMs);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
        finish({ statusCode: res.statusCode ?? null, responseExcerpt: excerpt || undefined, error: res.statusCode && res.statusCode >= 300 && res.statusCode < 400 && res.headers.location ? `redirect to ${res.headers.location} not followed` : undefined });
        res.destroy();
      };
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) done();
      });
      res.on("end", done);
      res.on("error", done);
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === REFUSED) return finish({ statusCode: null, kind: "refused", error: error.message });
      finish({ statusCode: null, kind: "network", error: `${error.code ?? "error"}: ${error.message}`.slice(0, 500) });
    });
    req.end(body);
  });
}
