import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { readMultipartForm } from "./read-multipart-form";

const boundary = "----faceid-test";
const part = (name: string, value: string | Uint8Array, filename?: string) =>
  Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename ? `; filename="${filename}"\r\nContent-Type: image/jpeg` : ""}\r\n\r\n`),
    Buffer.from(value),
    Buffer.from("\r\n"),
  ]);
const body = (...parts: Buffer[]) => Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);

// A request whose body arrives in small chunks, as from a socket.
function request(bytes: Uint8Array, headers: Record<string, string> = {}): Request {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 1000) chunks.push(bytes.subarray(i, i + 1000));
  const stream = new ReadableStream<Uint8Array>({ pull: (c) => (chunks.length ? c.enqueue(chunks.shift()!) : c.close()) });
  return new Request("http://x/", { method: "POST", body: stream, duplex: "half", headers: { "content-type": `multipart/form-data; boundary=${boundary}`, ...headers } } as RequestInit);
}

describe("readMultipartForm", () => {
  afterEach(() => {
    delete process.env.BODY_READ_TIMEOUT_MS;
    resetEnvCache();
  });

  it("gives text fields as strings and files as their exact bytes, in order", async () => {
    const a = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
    const b = Uint8Array.from({ length: 300 }, (_, i) => 255 - (i % 256));
    const form = await readMultipartForm(request(body(part("vendor_data", "user-42"), part("frames", a, "a.jpg"), part("frames", b, "b.jpg"))));
    expect(form.get("vendor_data")).toBe("user-42");
    expect(form.get("missing")).toBeNull();
    const frames = form.getAll("frames");
    expect(frames).toHaveLength(2);
    for (const [i, expected] of [a, b].entries()) {
      const f = frames[i];
      if (typeof f === "string") throw new Error("expected a file");
      expect(f.filename).toBe(i === 0 ? "a.jpg" : "b.jpg");
      expect(f.type).toBe("image/jpeg");
      expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(expected))).toBe(0);
    }
  });

  it("refuses a body over the cap, whether or not it declares its length", async () => {
    const big = body(part("user_image", new Uint8Array(20_000), "a.jpg"));
    await expect(readMultipartForm(request(big), 10_000)).rejects.toMatchObject({ code: "payload_too_large" });
    await expect(readMultipartForm(request(big, { "content-length": String(big.length) }), 10_000)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("refuses a truncated body, a missing boundary and another content type", async () => {
    const whole = body(part("user_image", new Uint8Array(2000), "a.jpg"));
    await expect(readMultipartForm(request(whole.subarray(0, 1500)))).rejects.toMatchObject({ code: "validation_error" });
    const noBoundary = new Request("http://x/", { method: "POST", body: whole, headers: { "content-type": "multipart/form-data" } });
    await expect(readMultipartForm(noBoundary)).rejects.toMatchObject({ code: "validation_error" });
    const json = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    await expect(readMultipartForm(json)).rejects.toMatchObject({ code: "unsupported_media_type" });
  });

  it("answers request_timeout when the body stops arriving before the deadline", async () => {
    process.env.BODY_READ_TIMEOUT_MS = "200";
    resetEnvCache();
    const start = body(part("user_image", new Uint8Array(5000), "a.jpg")).subarray(0, 3000);
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(start) });
    const req = new Request("http://x/", { method: "POST", body: stalled, duplex: "half", headers: { "content-type": `multipart/form-data; boundary=${boundary}` } } as RequestInit);
    await expect(readMultipartForm(req)).rejects.toMatchObject({ code: "request_timeout", status: 408 });
  });

  it("refuses a body with too many parts", async () => {
    const parts = Array.from({ length: 130 }, (_, i) => part(`f${i}`, "x"));
    await expect(readMultipartForm(request(body(...parts)))).rejects.toMatchObject({ code: "validation_error" });
  });
});
