import { describe, expect, it } from "vitest";
import { simulateThresholds, type ScoreSample } from "@/lib/console/simulate-thresholds";
import { estimateErrorRates } from "@/lib/console/published-error-rates";

const s = (sessionId: string, score: number): ScoreSample => ({ sessionId, score, outcome: "unreviewed" });

describe("simulateThresholds", () => {
  it("bands scores like decideScoreStatus and takes the worse check per session", () => {
    const result = simulateThresholds({
      faceMatch: [s("a", 90), s("b", 60), s("c", 40), s("d", 70)],
      liveness: [s("a", 45), s("b", 99)],
      faceMatchBand: { review: 70, decline: 50 },
      livenessBand: { review: 50, decline: 50 },
    });
    expect(result.faceMatch).toEqual({ approved: 2, review: 1, declined: 1 });
    expect(result.liveness).toEqual({ approved: 1, review: 0, declined: 1 });
    expect(result.sessions).toEqual({ approved: 1, review: 1, declined: 2 });
  });
});

describe("estimateErrorRates", () => {
  it("reports measured points, interpolates between them and bounds outside", () => {
    expect(estimateErrorRates(70)).toMatchObject({ basis: "measured", fnmr: "17.7 %" });
    expect(estimateErrorRates(60)).toMatchObject({ basis: "interpolated", fnmr: "≈ 10.4 %" });
    expect(estimateErrorRates(80).basis).toBe("bound");
    expect(estimateErrorRates(30).fnmr).toBe("< 3.1 %");
  });
});
