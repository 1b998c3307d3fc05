import { describe, expect, it } from "vitest";
import { decideScoreStatus, worstStatus } from "@/lib/verification/decide-score-status";
import { createWarning } from "@/lib/verification/warnings";

describe("score thresholds", () => {
  const t = { review: 70, decline: 50 };
  it.each([
    [100, "Approved"],
    [70, "Approved"],
    [69.9, "In Review"],
    [50, "In Review"],
    [49, "Declined"],
    [0, "Declined"],
  ] as const)("score %d -> %s", (score, status) => {
    expect(decideScoreStatus(score, t)).toBe(status);
  });

  it("has no review band when review <= decline", () => {
    expect(decideScoreStatus(55, { review: 40, decline: 60 })).toBe("Declined");
    expect(decideScoreStatus(65, { review: 40, decline: 60 })).toBe("Approved");
  });

  it("lets the worst status win", () => {
    expect(worstStatus("Approved", "In Review")).toBe("In Review");
    expect(worstStatus("In Review", "Declined", "Approved")).toBe("Declined");
    expect(worstStatus()).toBe("Approved");
  });

  it("describes warnings with the hosted service's fields", () => {
    expect(createWarning("NO_FACE_DETECTED", "Image: target_image.")).toEqual({
      risk: "NO_FACE_DETECTED",
      log_type: "error",
      short_description: "No face detected",
      long_description: expect.stringContaining("Image: target_image."),
    });
  });
});
