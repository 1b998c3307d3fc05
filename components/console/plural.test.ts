import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("puts the noun in the number of the count", () => {
    expect(plural(1, "session")).toBe("1 session");
    expect(plural(0, "session")).toBe("0 sessions");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
    expect(plural(12_345, "request")).toBe("12,345 requests");
  });
});
