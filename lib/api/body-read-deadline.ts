import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";

const bodyTimedOut = (ms: number) =>
  new AppError("request_timeout", `The request body did not arrive within ${Math.round(ms / 1000)} s; send it again on a faster connection.`);

// A request body must arrive whole within BODY_READ_TIMEOUT_MS: a client that trickles bytes (or never
// finishes a chunked body) would otherwise hold its buffer and its place in the admission limits for as
// long as it likes. Reads race the deadline; on expiry the stream is cancelled and the caller gets 408.
export function startBodyReadDeadline(reader: ReadableStreamDefaultReader<Uint8Array>, ms = getEnv().BODY_READ_TIMEOUT_MS) {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // reject first: cancelling settles the pending read as "done", which must not win the race
      reject(bodyTimedOut(ms));
      reader.cancel().catch(() => undefined);
    }, ms);
  });
  // never an unhandled rejection when nobody is reading at the moment it fires
  expired.catch(() => undefined);
  return {
    read: () => Promise.race([reader.read(), expired]),
    stop: () => clearTimeout(timer),
  };
}
