import { afterEach, expect } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/build-openapi-document";
import { createResponseValidator } from "@/lib/api/openapi/create-response-validator";
import { PROXY_ANSWER_HEADER } from "./round-robin-proxy";

// Vitest setup for the integration suite (e2e/api): every response a test receives from /v3 of a test
// server through fetch is checked against the OpenAPI document built from this checkout, so the
// document cannot drift from what the server sends. A response that does not conform (undocumented
// route, status or field) fails the test that received it, after the test body has run.
const LOCAL = new Set(["127.0.0.1", "localhost", "[::1]"]);
const problems: string[] = [];

function install() {
  const validate = createResponseValidator(buildOpenApiDocument({ serverUrl: "http://localhost" }));
  const original = globalThis.fetch;
  globalThis.fetch = async function checkedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const response = await original(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!LOCAL.has(url.hostname) || !/^\/v3(\/|$)/.test(url.pathname)) return response;
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    if (method === "HEAD" || method === "OPTIONS" || response.headers.has(PROXY_ANSWER_HEADER)) return response;
    const contentType = response.headers.get("content-type");
    let body: unknown;
    if (contentType?.includes("application/json")) {
      const text = await response.clone().text();
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
    } else if (response.status === 204 || response.status === 304) {
      body = undefined;
    } else if (!contentType?.startsWith("application/pdf")) {
      body = await response.clone().text();
    }
    problems.push(...validate({ method, url: url.pathname, status: response.status, contentType, body }));
    return response;
  };
}

if (expect.getState().testPath?.includes("/e2e/api/")) {
  install();
  afterEach(() => {
    const found = problems.splice(0);
    expect(found, "responses that do not match docs/openapi.json (lib/api/openapi)").toEqual([]);
  });
}
