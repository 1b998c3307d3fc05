import { parseMediaType } from "@/lib/api/parse-media-type";
import { AppError } from "@/lib/errors";

// What a console mutation may carry. Form encodings (urlencoded, multipart, text/plain) are what a
// cross-site <form> or a no-preflight fetch can send, so a JSON route refuses them outright (415)
// before any handler reads the body; only a route that takes uploads lists multipart/form-data.
export type BodyType = "application/json" | "multipart/form-data";

export function checkBodyTypeOrThrow(headers: Headers, accepts: readonly BodyType[]): void {
  const header = headers.get("content-type");
  const hasBody = Number(headers.get("content-length") ?? 0) > 0 || headers.has("transfer-encoding");
  if (header === null && !hasBody) return;
  const type = parseMediaType(header);
  if (type && (accepts as readonly string[]).includes(type)) return;
  throw new AppError("unsupported_media_type", `Send the body as ${accepts.join(" or ")}.`);
}
