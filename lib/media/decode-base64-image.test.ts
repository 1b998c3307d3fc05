import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeBase64ImageOrThrow } from "./decode-base64-image";
import { solidImage } from "./test-fixtures";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).field).toBe("portrait_image");
  return (error as AppError).code;
}

const field = "portrait_image";

describe("decodeBase64ImageOrThrow", () => {
  it("decodes raw base64", async () => {
    const jpeg = await solidImage({ width: 20, height: 10 }).jpeg().toBuffer();
    const image = await decodeBase64ImageOrThrow(jpeg.toString("base64"), { field });
    expect(image).toMatchObject({ format: "jpeg", width: 20, height: 10 });
  });

  it("decodes a data: URL, trusting the bytes rather than the declared type", async () => {
    const png = await solidImage({ width: 12, height: 12 }).png().toBuffer();
    const image = await decodeBase64ImageOrThrow(`data:image/jpeg;base64,${png.toString("base64")}`, { field });
    expect(image.format).toBe("png");
  });

  it("tolerates line breaks, missing padding and the URL-safe alphabet", async () => {
    const webp = await solidImage({ width: 9, height: 7 }).webp().toBuffer();
    const wrapped = webp.toString("base64").replace(/(.{76})/g, "$1\n");
    expect((await decodeBase64ImageOrThrow(wrapped, { field })).format).toBe("webp");
    expect((await decodeBase64ImageOrThrow(webp.toString("base64url"), { field })).format).toBe("webp");
  });

  it("rejects characters outside base64 as validation_error", async () => {
    expect(await codeOf(decodeBase64ImageOrThrow("not base64 at all!", { field }))).toBe("validation_error");
    expect(await codeOf(decodeBase64ImageOrThrow("abcde", { field }))).toBe("validation_error");
  });

  it("rejects a data: URL that is not base64-encoded", async () => {
    expect(await codeOf(decodeBase64ImageOrThrow("data:image/png,%89PNG", { field }))).toBe("validation_error");
  });

  it("rejects an empty string as validation_error", async () => {
    expect(await codeOf(decodeBase64ImageOrThrow("", { field }))).toBe("validation_error");
    expect(await codeOf(decodeBase64ImageOrThrow("data:image/png;base64,", { field }))).toBe("validation_error");
  });

  it("rejects more than 1 MB of image as payload_too_large", async () => {
    const big = Buffer.alloc(1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(await codeOf(decodeBase64ImageOrThrow(big.toString("base64"), { field }))).toBe("payload_too_large");
  });

  it("rejects base64 of a non-image as unsupported_media_type", async () => {
    const text = Buffer.from("just some text").toString("base64");
    expect(await codeOf(decodeBase64ImageOrThrow(text, { field }))).toBe("unsupported_media_type");
  });
});
