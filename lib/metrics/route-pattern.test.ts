import { describe, expect, it } from "vitest";
import { routePattern } from "@/lib/metrics/route-pattern";

describe("routePattern", () => {
  it("puts the param names in place of their values", () => {
    expect(routePattern("/v3/session/8f2c-11/decision/", { id: "8f2c-11" })).toBe("/v3/session/[id]/decision/");
    expect(routePattern("/api/console/lists/l1/entries/e9", { id: "l1", entryId: "e9" })).toBe("/api/console/lists/[id]/entries/[entryId]");
  });

  it("handles catch-alls, encoded segments and routes without params", () => {
    expect(routePattern("/v3/no/such/thing", { path: ["no", "such", "thing"] })).toBe("/v3/[...path]");
    expect(routePattern("/api/capture/a%20b/frames", { token: "a b" })).toBe("/api/capture/[token]/frames");
    expect(routePattern("/v3/face-match/", {})).toBe("/v3/face-match/");
    expect(routePattern("/v3/x/%E0%A4%A", { id: "zz" })).toBe("/v3/x/%E0%A4%A");
  });
});
