import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, workflowIdByLabel, type Api } from "../support/sessions";
import { sendUnfinishedBody } from "../support/streaming-request";
import { startTestServer, type TestServer } from "../support/test-server";

const KEY = "bodies-key-0123456789abcdefgh";

// JSON bodies are read with a cap that holds for chunked bodies too, a nesting limit checked before
// parsing, and a deadline for the whole body.
describe("request body limits over HTTP", () => {
  let server: TestServer;
  let a: Api;
  let workflowId: string;
  beforeAll(async () => {
    server = await startTestServer({ env: { SEED_API_KEY: KEY, BODY_READ_TIMEOUT_MS: "1500" } });
    a = { url: server.url, key: KEY };
    workflowId = await workflowIdByLabel(a, "Liveness only");
  });
  afterAll(async () => server?.stop());

  it("answers 413 to a chunked JSON body once it passes 2 MB, without reading it to the end", async () => {
    const res = await sendUnfinishedBody({
      url: `${server.url}/v3/session/`,
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      prefix: Buffer.from(`{"workflow_id":"${workflowId}","vendor_data":"`),
      chunk: Buffer.alloc(64 * 1024, "a"),
      maxBytes: 64 * 1024 * 1024,
      timeoutMs: 20_000,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe("payload_too_large");
    // the body never ends; the server stopped at the cap (socket buffers account for the rest)
    expect(res.bytesSent).toBeLessThan(16 * 1024 * 1024);
  });

  it("answers 400 to metadata nested 3,000 deep (it used to overflow the stack: 500)", async () => {
    const metadata = `${'{"a":'.repeat(3000)}1${"}".repeat(3000)}`;
    const res = await fetch(`${server.url}/v3/session/`, { method: "POST", headers: { "x-api-key": KEY, "content-type": "application/json" }, body: `{"workflow_id":"${workflowId}","metadata":${metadata}}` });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "validation_error", message: expect.stringContaining("levels deep") });
  });

  it("answers 400 naming the field to metadata too deep or too large for the schema, and keeps ordinary metadata", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = { a: deep };
    const tooDeep = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, metadata: deep });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error).toMatchObject({ code: "validation_error", field: "metadata" });
    const tooBig = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, metadata: { blob: "x".repeat(70 * 1024) } });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.error).toMatchObject({ code: "validation_error", field: "metadata" });
    const ok = await api(a, "POST", "/v3/session/", { workflow_id: workflowId, vendor_data: "bodies-ok", metadata: { plan: "gold", nested: { tags: ["a", "b"] } } });
    expect(ok.status).toBe(201);
    expect(ok.body.metadata).toEqual({ plan: "gold", nested: { tags: ["a", "b"] } });
  });

  it("answers 408 to a body that trickles in slower than BODY_READ_TIMEOUT_MS", async () => {
    const res = await sendUnfinishedBody({
      url: `${server.url}/v3/session/`,
      headers: { "x-api-key": KEY, "content-type": "application/json" },
      prefix: Buffer.from(`{"workflow_id":"${workflowId}","vendor_data":"`),
      chunk: Buffer.from("a"),
      intervalMs: 200,
      maxBytes: 1000,
      timeoutMs: 10_000,
    });
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe("request_timeout");
    expect(res.ms).toBeGreaterThanOrEqual(1400);
    expect(res.ms).toBeLessThan(6000);
  });
});
