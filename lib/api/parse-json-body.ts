import type { z } from "zod";
import { zodToAppError } from "@/lib/api/error-response";
import { parseMediaType } from "@/lib/api/parse-media-type";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 2 * 1024 * 1024;

// JSON bodies: media type exactly application/json (parameters such as charset allowed), size capped
// (a base64 portrait is at most ~1.4 MB), schema applied.
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (parseMediaType(req.headers.get("content-type")) !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The JSON body is larger than 2 MB.");
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("payload_too_large", "The JSON body is larger than 2 MB.");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw zodToAppError(parsed.error);
  return parsed.data;
}
