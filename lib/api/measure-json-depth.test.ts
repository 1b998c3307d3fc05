import { describe, expect, it } from "vitest";
import { measureJsonDepth } from "./measure-json-depth";

describe("measureJsonDepth", () => {
  it.each([
    ["1", 0],
    ['"["', 0],
    ["{}", 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"\\"[[[{{{","b":[]}', 2],
    ['["\\\\",[[]]]', 3],
  ])("%s -> %i", (text, depth) => {
    expect(measureJsonDepth(text)).toBe(depth);
  });

  it("measures a hostile nesting without recursion", () => {
    expect(measureJsonDepth("[".repeat(1_000_000) + "]".repeat(1_000_000))).toBe(1_000_000);
    expect(measureJsonDepth(`{"metadata":${'{"a":'.repeat(3000)}1${"}".repeat(3000)}}`)).toBe(3001);
  });
});
