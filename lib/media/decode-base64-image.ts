import { AppError } from "@/lib/errors";
import { decodeImageOrThrow } from "./decode-image";
import { MAX_PORTRAIT_BASE64_BYTES } from "./limits";
import type { DecodedImage, DecodeImageOptions } from "./types";

const DATA_URL = /^data:([^,]*?),/i;
// Standard and URL-safe alphabets, padding optional; Buffer.from would silently skip anything else.
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

function invalid(field?: string): AppError {
  return new AppError("validation_error", "The image must be base64-encoded (raw or as a data: URL).", { field });
}

function extractPayloadOrThrow(value: string, field?: string): string {
  const match = DATA_URL.exec(value);
  if (!match) return value;
  // The declared media type is ignored on purpose: the magic bytes decide what the image is.
  if (!/;base64$/i.test(match[1])) throw invalid(field);
  return value.slice(match[0].length);
}

/**
 * Decodes `portrait_image`-style input: raw base64 or a data: URL. The size cap applies to the decoded
 * image bytes (1 MB by default) and is checked before allocating them.
 */
export async function decodeBase64ImageOrThrow(
  base64OrDataUrl: string,
  options: DecodeImageOptions = {},
): Promise<DecodedImage> {
  const { maxBytes = MAX_PORTRAIT_BASE64_BYTES, field } = options;
  if (typeof base64OrDataUrl !== "string") throw invalid(field);

  const payload = extractPayloadOrThrow(base64OrDataUrl.trim(), field).replace(/\s+/g, "");
  if (payload.length === 0) throw new AppError("validation_error", "The image is empty.", { field });
  if (!BASE64.test(payload) || payload.length % 4 === 1) throw invalid(field);

  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  const decodedLength = Math.floor((payload.length * 3) / 4) - padding;
  if (decodedLength > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The image is ${Math.ceil(decodedLength / 1024)} KB; the limit is ${Math.floor(maxBytes / 1024)} KB.`,
      { field },
    );
  }
  // Node's base64 decoder also accepts the URL-safe alphabet.
  return decodeImageOrThrow(Buffer.from(payload, "base64"), { ...options, maxBytes, field });
}
