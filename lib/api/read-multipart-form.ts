import { AppError } from "@/lib/errors";

// Multipart bodies are read with a hard byte cap before parsing, so an oversized or endless upload is
// refused without buffering it all. Two 5 MB images plus fields fit in the default cap.
export const MAX_MULTIPART_BYTES = 11 * 1024 * 1024;

async function readLimited(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw new AppError("payload_too_large", `The request body is larger than ${Math.round(max / 1024 / 1024)} MB; each image may be at most 5 MB.`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function readMultipartForm(req: Request, max = MAX_MULTIPART_BYTES): Promise<FormData> {
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send this request as multipart/form-data with the images as file fields.");
  }
  if (Number(req.headers.get("content-length") ?? 0) > max) {
    throw new AppError("payload_too_large", `The request body is larger than ${Math.round(max / 1024 / 1024)} MB; each image may be at most 5 MB.`);
  }
  if (!req.body) throw new AppError("validation_error", "The request body is empty.");
  const bytes = await readLimited(req.body, max);
  try {
    return await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("validation_error", "The multipart body could not be parsed.");
  }
}
