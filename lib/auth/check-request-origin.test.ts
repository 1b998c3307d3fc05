import { describe, expect, it } from "vitest";
import { parseMediaType } from "@/lib/api/parse-media-type";
import { checkBodyTypeOrThrow } from "@/lib/auth/check-body-type";
import { checkRequestOriginOrThrow } from "@/lib/auth/check-request-origin";

const PUBLIC_URL = "https://console.example.com";
const check = (headers: Record<string, string>) => () => checkRequestOriginOrThrow(new Headers(headers), PUBLIC_URL);

describe("request origin policy", () => {
  it("trusts the browser's Sec-Fetch-Site: same-origin only", () => {
    expect(check({ "sec-fetch-site": "same-origin" })).not.toThrow();
    for (const site of ["same-site", "cross-site", "none", "bogus"]) expect(check({ "sec-fetch-site": site, origin: PUBLIC_URL })).toThrow(/Cross-origin/);
  });

  it("otherwise compares Origin with PUBLIC_URL and with the Host the browser addressed", () => {
    expect(check({ origin: PUBLIC_URL })).not.toThrow();
    expect(check({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" })).not.toThrow();
    expect(check({ origin: "https://console.example.com:8443" })).toThrow();
    expect(check({ origin: "https://evil.console.example.com" })).toThrow();
    expect(check({ origin: "http://10.0.0.5:3001", host: "10.0.0.5:3000" })).toThrow();
    expect(check({ origin: "null" })).toThrow();
    expect(check({ origin: "file://", host: "" })).toThrow();
  });

  it("lets a client that sends neither header through (not a browser)", () => {
    expect(check({})).not.toThrow();
  });
});

describe("media types", () => {
  it("parses the essence and ignores parameters", () => {
    expect(parseMediaType("Application/JSON; charset=utf-8")).toBe("application/json");
    expect(parseMediaType("text/plain;charset=application/json")).toBe("text/plain");
    expect(parseMediaType("application/json/x")).toBeNull();
    expect(parseMediaType("json")).toBeNull();
    expect(parseMediaType(null)).toBeNull();
  });

  it("refuses form encodings on JSON routes and allows an empty body", () => {
    const body = (type?: string) => () => checkBodyTypeOrThrow(new Headers({ ...(type ? { "content-type": type } : {}), "content-length": "2" }), ["application/json"]);
    expect(body("application/json")).not.toThrow();
    for (const t of ["text/plain;charset=application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain"]) expect(body(t)).toThrow(/application\/json/);
    expect(body()).toThrow();
    expect(() => checkBodyTypeOrThrow(new Headers(), ["application/json"])).not.toThrow();
  });
});
