import { startBodyReadDeadline } from "@/lib/api/body-read-deadline";
import { AppError } from "@/lib/errors";

// Reads a whole request body into memory, refusing it as soon as it passes `max` bytes: a declared
// Content-Length over the cap is refused before reading, and a chunked body without one is cut off at
// the cap rather than read to its end first.
export async function readBodyBytes(req: Request, input: { max: number; tooLarge: () => AppError }): Promise<Buffer> {
  if (Number(req.headers.get("content-length") ?? 0) > input.max) throw input.tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const deadline = startBodyReadDeadline(reader);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await deadline.read();
      if (done) break;
      total += value.byteLength;
      if (total > input.max) {
        await reader.cancel().catch(() => undefined);
        throw input.tooLarge();
      }
      chunks.push(value);
    }
  } finally {
    deadline.stop();
  }
  return Buffer.concat(chunks, total);
}
