import type { z } from "zod";
import { zodToAppError } from "@/lib/api/error-response";
import { measureJsonDepth } from "@/lib/api/measure-json-depth";
import { parseMediaType } from "@/lib/api/parse-media-type";
import { readBodyBytes } from "@/lib/api/read-body-bytes";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 2 * 1024 * 1024;
// Deep enough for every body the API takes (a workflow graph nests about 5 levels; metadata is the
// customer's own), far below where recursive code (validation, JSON columns, webhook signing) breaks.
export const MAX_JSON_DEPTH = 32;

const tooLarge = () => new AppError("payload_too_large", "The JSON body is larger than 2 MB.");

// JSON bodies: media type exactly application/json (parameters such as charset allowed), size capped
// while reading (a base64 portrait is at most ~1.4 MB), nesting capped before parsing, schema applied.
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  if (parseMediaType(req.headers.get("content-type")) !== "application/json") {
    throw new AppError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = (await readBodyBytes(req, { max: MAX_JSON_BYTES, tooLarge })).toString("utf8");
  if (measureJsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError("validation_error", `The JSON body nests more than ${MAX_JSON_DEPTH} levels deep.`);
  }
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
