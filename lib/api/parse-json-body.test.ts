import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { resetEnvCache } from "@/lib/env";
import { parseJsonBody } from "./parse-json-body";

// A chunked request body (no Content-Length) made of `chunks` pieces, counting how many were pulled.
function streamed(piece: string, chunks: number) {
  const bytes = new TextEncoder().encode(piece);
  const counter = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (counter.pulled++ >= chunks) c.close();
      else c.enqueue(bytes);
    },
  });
  const req = new Request("http://x/", { method: "POST", body, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
  return { req, counter };
}

const anything = z.unknown();

describe("parseJsonBody", () => {
  afterEach(() => {
    delete process.env.BODY_READ_TIMEOUT_MS;
    resetEnvCache();
  });

  it("stops reading a chunked body at 2 MB and answers payload_too_large", async () => {
    const { req, counter } = streamed(" ".repeat(64 * 1024), 10_000);
    await expect(parseJsonBody(req, anything)).rejects.toMatchObject({ code: "payload_too_large" });
    // 2 MB is 32 chunks of 64 KB: the rest of the 640 MB stream is never pulled
    expect(counter.pulled).toBeLessThan(40);
  });

  it("refuses a declared Content-Length over the cap without reading", async () => {
    const req = new Request("http://x/", { method: "POST", body: "{}", headers: { "content-type": "application/json", "content-length": String(3 * 1024 * 1024) } });
    await expect(parseJsonBody(req, anything)).rejects.toMatchObject({ code: "payload_too_large" });
  });

  it("refuses nesting deeper than 32 levels with a validation error, and parses 32", async () => {
    const deep = (n: number) => new Request("http://x/", { method: "POST", body: `${"[".repeat(n)}${"]".repeat(n)}`, headers: { "content-type": "application/json" } });
    await expect(parseJsonBody(deep(3000), anything)).rejects.toMatchObject({ code: "validation_error", message: expect.stringContaining("32 levels") });
    await expect(parseJsonBody(deep(33), anything)).rejects.toMatchObject({ code: "validation_error" });
    await expect(parseJsonBody(deep(32), anything)).resolves.toBeInstanceOf(Array);
  });

  it("answers request_timeout when the body does not arrive in time", async () => {
    process.env.BODY_READ_TIMEOUT_MS = "200";
    resetEnvCache();
    const never = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"a":')) });
    const req = new Request("http://x/", { method: "POST", body: never, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
    const started = Date.now();
    await expect(parseJsonBody(req, anything)).rejects.toMatchObject({ code: "request_timeout", status: 408 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("still parses ordinary bodies and reports malformed ones", async () => {
    const ok = streamed('{"a":1}', 1);
    await expect(parseJsonBody(ok.req, anything)).resolves.toEqual({ a: 1 });
    const bad = new Request("http://x/", { method: "POST", body: "{", headers: { "content-type": "application/json" } });
    await expect(parseJsonBody(bad, anything)).rejects.toMatchObject({ code: "invalid_json" });
  });
});
