import fs from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { decodeImageOrThrow } from "./decode-image";
import { findDatasetFile, pixelAt, pixelFloodPng, rejectionOf, solidImage, splitImage } from "./test-fixtures";

describe("decodeImageOrThrow", () => {
  it("decodes a JPEG to 3-channel RGB", async () => {
    const jpeg = await solidImage({ width: 64, height: 48 }).jpeg().toBuffer();
    const image = await decodeImageOrThrow(jpeg);
    expect(image).toMatchObject({ width: 64, height: 48, format: "jpeg", originalWidth: 64, originalHeight: 48 });
    expect(image.data).toBeInstanceOf(Uint8Array);
    expect(image.data.length).toBe(64 * 48 * 3);
  });

  it("accepts a plain Uint8Array as well as a Buffer", async () => {
    const png = await solidImage({ width: 8, height: 8 }).png().toBuffer();
    const image = await decodeImageOrThrow(new Uint8Array(png));
    expect(image.format).toBe("png");
  });

  it("rejects plain text as unsupported_media_type with the field", async () => {
    const error = await rejectionOf(decodeImageOrThrow(Buffer.from("hello, I am not an image"), { field: "user_image" }));
    expect(error.code).toBe("unsupported_media_type");
    expect(error.status).toBe(415);
    expect(error.field).toBe("user_image");
  });

  it("rejects a PDF as unsupported_media_type", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
    expect((await rejectionOf(decodeImageOrThrow(pdf))).code).toBe("unsupported_media_type");
  });

  it("rejects a GIF even though sharp could decode it", async () => {
    const gif = await solidImage({ width: 8, height: 8 }).gif().toBuffer();
    expect((await rejectionOf(decodeImageOrThrow(gif))).code).toBe("unsupported_media_type");
  });

  it("rejects a truncated JPEG as invalid_image", async () => {
    const jpeg = await solidImage({ width: 640, height: 480 }).jpeg().toBuffer();
    const error = await rejectionOf(decodeImageOrThrow(jpeg.subarray(0, Math.floor(jpeg.length / 2))));
    expect(error.code).toBe("invalid_image");
    expect(error.status).toBe(422);
  });

  it("rejects JPEG magic followed by garbage as invalid_image", async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0x41)]);
    expect((await rejectionOf(decodeImageOrThrow(fake))).code).toBe("invalid_image");
  });

  it("rejects a 10 MB file as payload_too_large before looking at it", async () => {
    const big = Buffer.alloc(10 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    const error = await rejectionOf(decodeImageOrThrow(big, { field: "user_image" }));
    expect(error.code).toBe("payload_too_large");
    expect(error.status).toBe(413);
    expect(error.message).toContain("5 MB");
  });

  it("honours a custom maxBytes", async () => {
    const png = await solidImage({ width: 32, height: 32 }).png().toBuffer();
    expect((await rejectionOf(decodeImageOrThrow(png, { maxBytes: 10 }))).code).toBe("payload_too_large");
  });

  it("rejects a 100-megapixel PNG of a few KB quickly and without decoding it", async () => {
    const flood = pixelFloodPng(10_000, 10_000);
    expect(flood.length).toBeLessThan(64 * 1024);
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const error = await rejectionOf(decodeImageOrThrow(flood));
    const elapsedMs = performance.now() - started;
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(error.code).toBe("image_too_large");
    expect(error.message).toContain("10000x10000");
    expect(elapsedMs).toBeLessThan(1000);
    // Decoding would need 300 MB of RGB; a header read needs next to nothing.
    expect(rssGrowth).toBeLessThan(50 * 1024 * 1024);
  });

  it("honours a custom maxPixels", async () => {
    const png = await solidImage({ width: 100, height: 100 }).png().toBuffer();
    expect((await rejectionOf(decodeImageOrThrow(png, { maxPixels: 9_999 }))).code).toBe("image_too_large");
  });

  it("rejects zero bytes as validation_error", async () => {
    const error = await rejectionOf(decodeImageOrThrow(new Uint8Array(0), { field: "user_image" }));
    expect(error.code).toBe("validation_error");
    expect(error.field).toBe("user_image");
  });

  it("applies EXIF orientation 6 (rotate 90° clockwise)", async () => {
    const jpeg = await (await splitImage(80, 40)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await decodeImageOrThrow(jpeg);
    expect([image.width, image.height]).toEqual([40, 80]);
    expect([image.originalWidth, image.originalHeight]).toEqual([40, 80]);
    // The red left half ends up on top after a clockwise quarter turn.
    const [topR, , topB] = pixelAt(image, 20, 10);
    const [bottomR, , bottomB] = pixelAt(image, 20, 70);
    expect(topR).toBeGreaterThan(200);
    expect(topB).toBeLessThan(60);
    expect(bottomB).toBeGreaterThan(200);
    expect(bottomR).toBeLessThan(60);
  });

  it("applies the EXIF rotation of a real photo (pad-samples silentface-F1.jpg)", async () => {
    const file = findDatasetFile("PAD_DATASET", "../shared/datasets/pad-samples", "attack/silentface-F1.jpg");
    if (!file) return;
    const bytes = fs.readFileSync(file);
    const stored = await sharp(bytes).metadata();
    const image = await decodeImageOrThrow(bytes);
    expect(stored.orientation).toBe(6);
    expect([image.width, image.height]).toEqual([stored.height, stored.width]);
  });

  it("converts a greyscale JPEG to 3 channels", async () => {
    const grey = await solidImage({ width: 30, height: 20 }).toColourspace("b-w").jpeg().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const image = await decodeImageOrThrow(grey);
    expect(image.data.length).toBe(30 * 20 * 3);
    const [r, g, b] = pixelAt(image, 5, 5);
    expect(r).toBe(g);
    expect(g).toBe(b);
  });

  it("converts a real greyscale photo (faces-dev bbt-amy/1.jpg) to 3 channels", async () => {
    const file = findDatasetFile("FACES_DATASET", "../shared/datasets/faces-dev", "images/bbt-amy/1.jpg");
    if (!file) return;
    const bytes = fs.readFileSync(file);
    const meta = await sharp(bytes).metadata();
    const image = await decodeImageOrThrow(bytes);
    expect(meta.channels).toBe(1);
    expect(image.data.length).toBe(image.width * image.height * 3);
  });

  it("removes alpha from a PNG, showing transparent areas as white", async () => {
    const opaque = await solidImage({ width: 10, height: 10, channels: 4, colour: { r: 10, g: 200, b: 30, alpha: 1 } })
      .png()
      .toBuffer();
    const png = await solidImage({ width: 20, height: 10, channels: 4, colour: { r: 0, g: 0, b: 0, alpha: 0 } })
      .composite([{ input: opaque, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const image = await decodeImageOrThrow(png);
    expect(image.data.length).toBe(20 * 10 * 3);
    expect(pixelAt(image, 2, 2)).toEqual([10, 200, 30]);
    expect(pixelAt(image, 15, 5)).toEqual([255, 255, 255]);
  });

  it("accepts WEBP", async () => {
    const webp = await solidImage({ width: 40, height: 30 }).webp().toBuffer();
    const image = await decodeImageOrThrow(webp);
    expect(image).toMatchObject({ format: "webp", width: 40, height: 30 });
  });

  it("converts a CMYK JPEG to sRGB", async () => {
    const cmyk = await solidImage({ width: 16, height: 16, colour: { r: 200, g: 30, b: 40 } })
      .toColourspace("cmyk")
      .jpeg()
      .toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe("cmyk");
    const [r, g, b] = pixelAt(await decodeImageOrThrow(cmyk), 8, 8);
    expect(r).toBeGreaterThan(150);
    expect(g).toBeLessThan(80);
    expect(b).toBeLessThan(80);
  });

  it("reduces a 16-bit PNG to 8 bits per channel", async () => {
    const png = await solidImage({ width: 8, height: 8 }).toColourspace("rgb16").png().toBuffer();
    expect((await sharp(png).metadata()).depth).toBe("ushort");
    const image = await decodeImageOrThrow(png);
    expect(image.data.length).toBe(8 * 8 * 3);
    expect(pixelAt(image, 1, 1)).toEqual([200, 120, 60]);
  });

  it("downscales so the longest side is at most 2048, keeping the original size", async () => {
    const jpeg = await solidImage({ width: 4000, height: 3000 }).jpeg().toBuffer();
    const image = await decodeImageOrThrow(jpeg);
    expect([image.width, image.height]).toEqual([2048, 1536]);
    expect([image.originalWidth, image.originalHeight]).toEqual([4000, 3000]);
    expect(image.data.length).toBe(2048 * 1536 * 3);
  });

  it("honours a custom maxSide and never enlarges", async () => {
    const png = await solidImage({ width: 300, height: 600 }).png().toBuffer();
    expect(await decodeImageOrThrow(png, { maxSide: 100 })).toMatchObject({ width: 50, height: 100 });
    expect(await decodeImageOrThrow(png, { maxSide: 5000 })).toMatchObject({ width: 300, height: 600 });
  });

  it("applies maxSide to the longer side after EXIF orientation", async () => {
    const jpeg = await (await splitImage(400, 200)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect(await decodeImageOrThrow(jpeg, { maxSide: 100 })).toMatchObject({ width: 50, height: 100, originalWidth: 200, originalHeight: 400 });
    expect(await decodeImageOrThrow(jpeg, { maxSide: 400 })).toMatchObject({ width: 200, height: 400 });
  });
});
