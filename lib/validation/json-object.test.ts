import { describe, expect, it } from "vitest";
import { jsonObjectSchema } from "./json-object";

const nest = (levels: number): Record<string, unknown> => {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
};

describe("jsonObjectSchema", () => {
  const schema = jsonObjectSchema({ name: "metadata", maxDepth: 16, maxBytes: 1024 });

  it("accepts an object within the depth and size", () => {
    expect(schema.safeParse(nest(16)).success).toBe(true);
    expect(schema.safeParse({ plan: "gold", tags: ["a", { b: [1, 2] }] }).success).toBe(true);
  });

  it("refuses deeper nesting with a message, without overflowing on hostile depth", () => {
    const deep = schema.safeParse(nest(17));
    expect(deep.success).toBe(false);
    expect(deep.error?.issues[0].message).toMatch(/metadata nests more than 16 levels/);
    expect(schema.safeParse(nest(100_000)).success).toBe(false);
  });

  it("refuses an object larger than the cap", () => {
    const big = schema.safeParse({ blob: "x".repeat(2000) });
    expect(big.success).toBe(false);
    expect(big.error?.issues[0].message).toMatch(/larger than 1 KB/);
  });
});
