import { describe, expect, it, vi } from "vitest";
import { AppError, isAppError } from "./errors";

describe("isAppError", () => {
  it("recognises the app's errors from another copy of the module, and nothing else", async () => {
    vi.resetModules();
    const copy = await import("./errors");
    const other = new copy.AppError("invalid_image", "bad");
    expect(other).not.toBeInstanceOf(AppError);
    expect(isAppError(other)).toBe(true);
    expect(isAppError(new AppError("invalid_image", "bad"))).toBe(true);
    const lookalike = Object.assign(new Error("x"), { name: "AppError", code: "invalid_image" });
    expect(isAppError(lookalike)).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
