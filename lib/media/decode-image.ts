import sharp, { type Metadata } from "sharp";
import { AppError } from "@/lib/errors";
import { MAX_DECODED_SIDE, MAX_PIXELS, MAX_UPLOAD_BYTES } from "./limits";
import { sniffImageType } from "./sniff-image-type";
import type { DecodedImage, DecodeImageOptions, ImageFormat } from "./types";

const UNSUPPORTED_MESSAGE = "The file is not a supported image: send a JPEG, PNG or WEBP.";
const INVALID_MESSAGE = "The image is corrupt or truncated and could not be decoded.";

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function formatMegapixels(pixels: number): string {
  return `${Math.round(pixels / 100_000) / 10} MP`;
}

function tooManyPixels(width: number, height: number, maxPixels: number, field?: string): AppError {
  return new AppError(
    "image_too_large",
    `The image is ${width}x${height} (${formatMegapixels(width * height)}); the limit is ${formatMegapixels(maxPixels)}.`,
    { field },
  );
}

// Reads only the header, so a pixel flood (a tiny file declaring a huge canvas) is refused before any
// pixel memory is allocated.
async function readHeaderOrThrow(input: Buffer, format: ImageFormat, field?: string) {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw new AppError("invalid_image", INVALID_MESSAGE, { field });
  }
  if (metadata.format !== format) throw new AppError("unsupported_media_type", UNSUPPORTED_MESSAGE, { field });
  if (!metadata.width || !metadata.height) throw new AppError("invalid_image", INVALID_MESSAGE, { field });
  return metadata;
}

function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message);
}

/**
 * Validates untrusted image bytes (size, magic bytes, declared pixels) and decodes them to oriented,
 * opaque, 8-bit sRGB RGB pixels no larger than `maxSide`. Every failure is an AppError with a 4xx code.
 */
export async function decodeImageOrThrow(
  bytes: Uint8Array,
  options: DecodeImageOptions = {},
): Promise<DecodedImage> {
  const { maxBytes = MAX_UPLOAD_BYTES, maxPixels = MAX_PIXELS, maxSide = MAX_DECODED_SIDE, field } = options;
  const input = asBuffer(bytes);

  if (input.length === 0) throw new AppError("validation_error", "The image is empty.", { field });
  if (input.length > maxBytes) {
    throw new AppError(
      "payload_too_large",
      `The image is ${formatMegabytes(input.length)}; the limit is ${formatMegabytes(maxBytes)}.`,
      { field },
    );
  }
  const format = sniffImageType(input);
  if (!format) throw new AppError("unsupported_media_type", UNSUPPORTED_MESSAGE, { field });

  const header = await readHeaderOrThrow(input, format, field);
  if (header.width * header.height > maxPixels) throw tooManyPixels(header.width, header.height, maxPixels, field);

  try {
    // failOn "error" rejects truncated/corrupt data but tolerates the benign warnings many phone JPEGs
    // trigger; limitInputPixels stays on in case the header we checked lied about later frames.
    const pipeline = sharp(input, {
      failOn: "error",
      limitInputPixels: maxPixels,
      autoOrient: true,
      sequentialRead: true,
    });
    // A resize step costs CPU even when it changes nothing, so it is only added when the image is
    // larger than maxSide (orientation does not change the longer side). For 1-3 MP JPEGs a full-size
    // decode is also cheaper than asking for, say, 1280 px (measured): libjpeg's shrink-on-load only
    // pays from 1/4 scale, and the resampling costs more than the smaller crops downstream save.
    if (Math.max(header.width, header.height) > maxSide) {
      pipeline.resize({ width: maxSide, height: maxSide, fit: "inside", withoutEnlargement: true });
    }
    const { data, info } = await pipeline
      // Transparent regions become white rather than whatever colour the encoder left under alpha 0.
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .raw({ depth: "uchar" })
      .toBuffer({ resolveWithObject: true });

    if (info.channels !== 3) throw new Error(`unexpected channel count ${info.channels}`);
    return {
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
      width: info.width,
      height: info.height,
      format,
      originalWidth: header.autoOrient?.width ?? header.width,
      originalHeight: header.autoOrient?.height ?? header.height,
    };
  } catch (error) {
    if (isPixelLimitError(error)) throw tooManyPixels(header.width, header.height, maxPixels, field);
    throw new AppError("invalid_image", INVALID_MESSAGE, { field });
  }
}
