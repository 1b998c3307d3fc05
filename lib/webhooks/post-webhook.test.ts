import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postWebhook } from "@/lib/webhooks/post-webhook";

let server: Server;
let base: string;
let seenBody = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/ok") {
        seenBody = body;
        res.writeHead(200, { "content-type": "text/plain" }).end("x".repeat(5000));
      } else if (req.url === "/redirect") res.writeHead(302, { location: "http://169.254.169.254/" }).end();
      else if (req.url === "/slow") setTimeout(() => res.writeHead(200).end("late"), 2000);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const post = (path: string, options: { timeoutMs?: number; allowPrivate?: boolean; url?: string; allowedPorts?: number[] | "any" } = {}) =>
  postWebhook({ url: options.url ?? `${base}${path}`, body: '{"a":"é"}', headers: { "X-Test": "1" }, timeoutMs: options.timeoutMs ?? 5000, allowPrivate: options.allowPrivate ?? true, allowedPorts: options.allowedPorts ?? "any" });

describe("postWebhook", () => {
  it("posts the exact body and keeps at most 1 KB of the answer", async () => {
    const result = await post("/ok");
    expect(result.statusCode).toBe(200);
    expect(seenBody).toBe('{"a":"é"}');
    expect(result.responseExcerpt?.length).toBe(1024);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("does not follow redirects", async () => {
    const result = await post("/redirect");
    expect(result.statusCode).toBe(302);
    expect(result.error).toContain("not followed");
  });

  it("times out", async () => {
    const result = await post("/slow", { timeoutMs: 200 });
    expect(result).toMatchObject({ statusCode: null, kind: "timeout" });
  });

  it("reports network errors without throwing", async () => {
    const result = await post("", { url: "http://127.0.0.1:1/" });
    expect(result).toMatchObject({ statusCode: null, kind: "network" });
  });

  it("refuses private targets at connect time unless allowed, for literals and names", async () => {
    expect(await post("/ok", { allowPrivate: false })).toMatchObject({ statusCode: null, kind: "refused" });
    const port = new URL(base).port;
    expect(await post("", { allowPrivate: false, url: `http://localhost:${port}/ok` })).toMatchObject({ statusCode: null, kind: "refused" });
  });

  it("refuses a port outside the allowed list before connecting", async () => {
    const refused = await post("/ok", { allowedPorts: [443] });
    expect(refused).toMatchObject({ statusCode: null, kind: "refused", error: expect.stringContaining("port") });
    expect(await post("/ok", { allowedPorts: [Number(new URL(base).port)] })).toMatchObject({ statusCode: 200 });
  });
});
