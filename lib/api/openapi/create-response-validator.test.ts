import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./build-openapi-document";
import { createResponseValidator } from "./create-response-validator";

const validate = createResponseValidator(buildOpenApiDocument({ serverUrl: "http://localhost:3000" }));
const json = "application/json";

const destination = {
  id: "0b8f2a0e-3d7e-4b8e-9a43-6f3f0f6a2c11",
  label: "Backend",
  url: "https://example.com/hooks",
  enabled: true,
  subscribed_events: ["status.updated"],
  disabled_reason: null,
  previous_secret_expires_at: null,
  created_at: "2026-12-06T10:00:00.000Z",
  updated_at: "2026-12-06T10:00:00.000Z",
};

describe("createResponseValidator", () => {
  it("accepts a response as documented, with or without the trailing slash", () => {
    const url = "/v3/webhook/destinations/0b8f2a0e-3d7e-4b8e-9a43-6f3f0f6a2c11/";
    expect(validate({ method: "GET", url, status: 200, contentType: json, body: destination })).toEqual([]);
    expect(validate({ method: "GET", url: url.slice(0, -1), status: 200, contentType: json, body: destination })).toEqual([]);
    expect(validate({ method: "DELETE", url, status: 204, contentType: null, body: undefined })).toEqual([]);
  });

  it("rejects an undocumented field, a missing field, a wrong type and a value outside the enum", () => {
    const url = "/v3/webhook/destinations/x/";
    const problems = (body: unknown) => validate({ method: "GET", url, status: 200, contentType: json, body });
    expect(problems({ ...destination, secret_shared_key: "leaked" }).join()).toMatch(/must NOT have additional properties \(secret_shared_key\)/);
    expect(problems(Object.fromEntries(Object.entries(destination).filter(([k]) => k !== "label"))).join()).toMatch(/must have required property 'label'/);
    expect(problems({ ...destination, enabled: "yes" }).join()).toMatch(/\/enabled must be boolean/);
    expect(problems({ ...destination, subscribed_events: ["session.created"] }).join()).toMatch(/subscribed_events\/0 must be equal to one of the allowed values/);
  });

  it("rejects an undocumented status, content type, route and method", () => {
    expect(validate({ method: "GET", url: "/v3/workflows/", status: 418, contentType: json, body: {} })[0]).toMatch(/status not documented/);
    expect(validate({ method: "GET", url: "/v3/workflows/", status: 200, contentType: "text/html", body: "<html>" })[0]).toMatch(/content type text\/html not documented/);
    expect(validate({ method: "GET", url: "/v3/secret-admin/", status: 200, contentType: json, body: { ok: true } })[0]).toMatch(/undocumented route/);
    expect(validate({ method: "PUT", url: "/v3/workflows/", status: 200, contentType: json, body: {} })[0]).toMatch(/method not documented/);
  });

  it("accepts the general answers: 404 for an unknown path and 405 for an unserved method, in the error shape", () => {
    const error = (code: string) => ({ error: { code, message: "..." } });
    expect(validate({ method: "GET", url: "/v3/nope/", status: 404, contentType: json, body: error("not_found") })).toEqual([]);
    expect(validate({ method: "PUT", url: "/v3/workflows/", status: 405, contentType: json, body: error("method_not_allowed") })).toEqual([]);
    expect(validate({ method: "PUT", url: "/v3/workflows/", status: 405, contentType: json, body: { message: "no" } })).not.toEqual([]);
  });

  it("checks error bodies against the error shape", () => {
    const url = "/v3/session/x/decision/";
    expect(validate({ method: "GET", url, status: 404, contentType: json, body: { error: { code: "not_found", message: "No session with this id." } } })).toEqual([]);
    expect(validate({ method: "GET", url, status: 404, contentType: json, body: { error: { code: "no_such_code", message: "x" } } }).join()).toMatch(/allowed values/);
    expect(validate({ method: "GET", url, status: 404, contentType: json, body: { error: "not found" } }).join()).toMatch(/must be object/);
  });
});
