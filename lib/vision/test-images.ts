import sharp from "sharp";
import type { DecodedImage } from "./types";

/** Test/bench decoding (the app uses lib/media): EXIF-oriented, always 3-channel sRGB. */
export async function decodeForTest(input: string | Buffer, { orient = true } = {}): Promise<DecodedImage> {
  const pipeline = orient ? sharp(input).rotate() : sharp(input);
  const { data, info } = await pipeline.removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
}
