import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";

// Webhooks go to web ports only (WEBHOOK_ALLOWED_PORTS, default 80, 443, 8080, 8443), so a destination
// cannot be aimed at a database, mail or admin port of a host the address guard lets through, nor used
// to probe which ports answer. Applied on every destination, private networks allowed or not.
export function checkDestinationPort(url: URL, allowed: number[] | "any" = getEnv().WEBHOOK_ALLOWED_PORTS): void {
  if (allowed === "any") return;
  const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
  if (!allowed.includes(port)) {
    throw new AppError("validation_error", `url: port ${port} is not allowed for webhooks; use one of ${allowed.join(", ")} (operators can change the list with WEBHOOK_ALLOWED_PORTS).`, { field: "url" });
  }
}
