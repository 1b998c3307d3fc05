import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff-image-type";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WEBP by magic bytes", () => {
    expect(sniffImageType(bytes(0xff, 0xd8, 0xff, 0xe1))).toBe("jpeg");
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
    expect(sniffImageType(ascii("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("webp");
  });

  it("rejects other RIFF containers, GIF, PDF, text and short input", () => {
    expect(sniffImageType(ascii("RIFF\x10\x00\x00\x00WAVEfmt "))).toBeNull();
    expect(sniffImageType(ascii("GIF89a"))).toBeNull();
    expect(sniffImageType(ascii("%PDF-1.7"))).toBeNull();
    expect(sniffImageType(ascii("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
    expect(sniffImageType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImageType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull();
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
  });
});
