import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeImageOrThrow } from "./decode-image";
import { encodeJpeg } from "./encode-jpeg";
import { sniffImageType } from "./sniff-image-type";
import { solidImage, splitImage } from "./test-fixtures";

describe("encodeJpeg", () => {
  it("encodes a DecodedImage to a JPEG of the same size", async () => {
    const image = await decodeImageOrThrow(await solidImage({ width: 30, height: 20 }).png().toBuffer());
    const jpeg = await encodeJpeg(image);
    expect(sniffImageType(jpeg)).toBe("jpeg");
    expect(await sharp(jpeg).metadata()).toMatchObject({ width: 30, height: 20, channels: 3 });
  });

  it("re-encodes original bytes upright and without EXIF", async () => {
    const rotated = await (await splitImage(80, 40)).png().withMetadata({ orientation: 6 }).toBuffer();
    const meta = await sharp(await encodeJpeg(rotated)).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 40, height: 80 });
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });
});
