import sharp from "sharp";
import { MAX_PIXELS } from "./limits";
import type { DecodedImage } from "./types";

export type EncodeJpegOptions = {
  /** 1-100; 90 keeps enough detail for a reviewer to re-check a face. */
  quality?: number;
};

function isDecodedImage(input: DecodedImage | Uint8Array): input is DecodedImage {
  return !(input instanceof Uint8Array);
}

/**
 * Re-encodes for storage. Accepts a DecodedImage or original bytes that already passed
 * decodeImageOrThrow; either way the output is an upright sRGB JPEG with all metadata (EXIF GPS,
 * device serials, ICC) stripped, so stored images leak nothing beyond the pixels.
 */
export async function encodeJpeg(input: DecodedImage | Uint8Array, options: EncodeJpegOptions = {}): Promise<Buffer> {
  const quality = options.quality ?? 90;
  const image = isDecodedImage(input)
    ? sharp(input.data, { raw: { width: input.width, height: input.height, channels: 3 } })
    : sharp(input, { limitInputPixels: MAX_PIXELS, failOn: "error", autoOrient: true })
        .flatten({ background: "#ffffff" })
        .toColourspace("srgb");
  return image.jpeg({ quality }).toBuffer();
}
