import { describe, expect, it } from "vitest";
import { createWarning } from "@/lib/verification/warnings";
import { caseRisk, riskAtLeast } from "./case-risk";

describe("caseRisk", () => {
  it("rates fraud signals high, other warnings medium, information low", () => {
    expect(caseRisk([createWarning("DUPLICATED_FACE")])).toBe("high");
    expect(caseRisk([createWarning("LIVENESS_FACE_ATTACK"), createWarning("LOW_FACE_QUALITY")])).toBe("high");
    expect(caseRisk([{ risk: "BURST_FRAMES_IDENTICAL" as never, log_type: "warning" }])).toBe("high");
    expect(caseRisk([createWarning("LOW_FACE_MATCH_SIMILARITY")])).toBe("medium");
    expect(caseRisk([createWarning("MULTIPLE_FACES_DETECTED")])).toBe("low");
    expect(caseRisk([])).toBe("low");
  });
  it("compares against a policy level", () => {
    expect(riskAtLeast("medium", "high")).toBe(false);
    expect(riskAtLeast("high", "medium")).toBe(true);
    expect(riskAtLeast("low", "any")).toBe(true);
    expect(riskAtLeast("high", "off")).toBe(false);
  });
});
