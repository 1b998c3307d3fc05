import { subscribe } from "node:diagnostics_channel";
import type { Server, ServerResponse } from "node:http";

// Every HTTP request in flight, whatever the route, and the servers they came in on: the shutdown
// closes the listeners once the checks are done and waits for the requests still open. Node publishes
// each request on this channel before Next.js sees it (as lib/ip/stamp-peer-address.ts uses).
const holder = globalThis as unknown as { faceidHttp?: { servers: Set<Server>; open: Set<ServerResponse> } };
const http = () => (holder.faceidHttp ??= { servers: new Set(), open: new Set() });

export function trackHttpRequests(): void {
  if (holder.faceidHttp) return;
  const { servers, open } = http();
  subscribe("http.server.request.start", (message) => {
    const { response, server } = message as { response: ServerResponse; server: Server };
    servers.add(server);
    open.add(response);
    response.once("close", () => open.delete(response));
  });
}

/** Stops accepting connections, drops idle keep-alive ones, and waits for open requests up to `deadline`. */
export async function closeHttpServers(deadline: number): Promise<number> {
  const { servers, open } = http();
  for (const server of servers) {
    server.close();
    server.closeIdleConnections();
  }
  while (open.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  return open.size;
}
