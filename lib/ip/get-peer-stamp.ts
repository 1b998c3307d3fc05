import { randomBytes } from "node:crypto";

// The socket's address reaches route handlers as a request header that the server itself writes
// (stamp-peer-address.ts). The header carries a secret made once per process, so a client that sends
// a header of the same name is never believed, even on a request the stamp did not see. Kept on
// globalThis: the start-up code and the route handlers are separate bundles of one process.
export const PEER_HEADER = "x-faceid-peer";

const slot = Symbol.for("faceid.peer-stamp-secret");

export function getPeerStamp(): { header: string; secret: string } {
  const store = globalThis as unknown as Record<symbol, string | undefined>;
  store[slot] ??= randomBytes(18).toString("base64url");
  return { header: PEER_HEADER, secret: store[slot] };
}
