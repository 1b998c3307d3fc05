import { describe, expect, it } from "vitest";
import { canonicalize } from "@/lib/webhooks/canonicalize";

describe("canonicalize", () => {
  it("sorts keys recursively, inside arrays too, and writes compact JSON", () => {
    const value = { b: 1, a: { d: [{ z: 1, y: 2 }, 3], c: "x" } };
    expect(canonicalize(value)).toBe('{"a":{"c":"x","d":[{"y":2,"z":1},3]},"b":1}');
  });

  it("writes whole-number floats as integers and keeps real fractions", () => {
    expect(canonicalize({ a: 1.0, b: 0.5, c: 96.0, d: 0.96, e: -0, f: 1e3, g: 1.25e-7 })).toBe('{"a":1,"b":0.5,"c":96,"d":0.96,"e":0,"f":1000,"g":1.25e-7}');
  });

  it("parses a Python-style body with 1.0 and re-serialises it to the same canonical form", () => {
    const fromPython = '{"score": 96.0, "similarity_score": 0.96, "status": "Approved"}';
    expect(canonicalize(JSON.parse(fromPython))).toBe('{"score":96,"similarity_score":0.96,"status":"Approved"}');
  });

  it("keeps unicode and emoji as UTF-8 characters, not \\u escapes", () => {
    expect(canonicalize({ name: "Zoë 山田 🙂", "ключ": "значение" })).toBe('{"name":"Zoë 山田 🙂","ключ":"значение"}');
  });

  it("drops undefined members, turns undefined array items into null and dates into ISO strings", () => {
    expect(canonicalize({ a: undefined, b: [undefined, 1], c: new Date("2026-01-02T03:04:05.000Z") })).toBe('{"b":[null,1],"c":"2026-01-02T03:04:05.000Z"}');
  });

  it("refuses values that JSON cannot carry faithfully", () => {
    expect(() => canonicalize({ a: Number.NaN })).toThrow();
    expect(() => canonicalize({ a: Infinity })).toThrow();
  });

  it("is stable under key order and whitespace changes", () => {
    const a = JSON.parse('{ "x": {"b": [1, 2.0, {"k": true, "j": null}], "a": "é"}, "w": 0.5 }');
    const b = JSON.parse('{"w":0.5,"x":{"a":"é","b":[1,2,{"j":null,"k":true}]}}');
    expect(canonicalize(a)).toBe(canonicalize(b));
  });
});
