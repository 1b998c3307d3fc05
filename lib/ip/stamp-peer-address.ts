import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { getPeerStamp } from "@/lib/ip/get-peer-stamp";

let installed = false;

// Next.js gives route handlers a web Request with headers only: the TCP peer is not on it, and its own
// X-Forwarded-For is whatever the client sent. Node publishes every incoming request on this channel
// synchronously, before the server's request listener (Next.js) sees it, so the peer can be written
// into the headers there, overwriting anything a client put under that name. Works with `next start`;
// a request that arrives before this runs carries no stamp and is treated as from an unknown address.
export function stampPeerAddress(): void {
  if (installed) return;
  installed = true;
  const { header, secret } = getPeerStamp();
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const address = socket?.remoteAddress;
    if (address) request.headers[header] = `${secret} ${address}`;
    else delete request.headers[header];
  });
}
