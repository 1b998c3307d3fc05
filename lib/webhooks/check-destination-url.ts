import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { classifyAddress } from "@/lib/webhooks/classify-address";
import { checkDestinationPort } from "@/lib/webhooks/check-destination-port";

const refusal = (host: string, address: string, kind: string) =>
  new AppError("validation_error", `url: ${host} resolves to ${address}, a ${kind} address; webhooks go to public addresses only (operators can allow private networks with WEBHOOK_ALLOW_PRIVATE_NETWORKS=1).`, { field: "url" });

// SSRF guard, run when a destination is created or changed and again right before each delivery (the
// name may point elsewhere by then: DNS rebinding). http/https only; every address the name resolves to
// must be public unless the operator allows private networks, and the port one of the allowed ones.
// Returns the vetted addresses.
export async function checkDestinationUrl(url: string, options: { allowPrivate?: boolean; allowedPorts?: number[] | "any" } = {}): Promise<string[]> {
  if (!URL.canParse(url)) throw new AppError("validation_error", "url: not a valid URL.", { field: "url" });
  const parsed = new URL(url);
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new AppError("validation_error", "url: use an http:// or https:// URL.", { field: "url" });
  if (parsed.username || parsed.password) throw new AppError("validation_error", "url: credentials in the URL are not allowed; authenticate deliveries with the signature.", { field: "url" });
  checkDestinationPort(parsed, options.allowedPorts);
  const allowPrivate = options.allowPrivate ?? getEnv().WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
    } catch {
      throw new AppError("validation_error", `url: the host ${host} does not resolve.`, { field: "url" });
    }
  }
  if (allowPrivate) return addresses;
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== "public") throw refusal(host, address, kind);
  }
  return addresses;
}
