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

describe("simulateThresholds with workflow overrides", () => {
  it("judges a check by its workflow step's own thresholds, whatever the defaults", () => {
    // the workflow reviews face matches below 90; the application default reviews below 50
    const own = { review: 90 };
    const faceMatch = [{ ...s("a", 80), own }, { ...s("b", 85), own }, s("c", 80)];
    const at = (review: number) => simulateThresholds({ faceMatch, liveness: [], faceMatchBand: { review, decline: 30 }, livenessBand: { review: 50, decline: 30 } });
    expect(at(50).sessions).toEqual({ approved: 1, review: 2, declined: 0 });
    // raising the default moves only the session that ran under it
    expect(at(85).sessions).toEqual({ approved: 0, review: 3, declined: 0 });
    // the override's missing decline threshold still follows the default
    expect(at(50).faceMatch).toEqual(simulateThresholds({ faceMatch, liveness: [], faceMatchBand: { review: 50, decline: 30 }, livenessBand: { review: 0, decline: 0 } }).faceMatch);
    expect(simulateThresholds({ faceMatch, liveness: [], faceMatchBand: { review: 50, decline: 82 }, livenessBand: { review: 0, decline: 0 } }).faceMatch).toEqual({ approved: 0, review: 1, declined: 2 });
  });
});

describe("estimateErrorRates", () => {
  it("reports measured points, interpolates between them and bounds outside", () => {
    // the published points (lib/vision/published-accuracy.json): FNMR 0 % at 50, 2.3 % at 70, no impostor above either
    expect(estimateErrorRates(70)).toMatchObject({ basis: "measured", fnmr: "2.3 %", fmr: "0 / 543 (< 0.2 %)" });
    expect(estimateErrorRates(60)).toMatchObject({ basis: "interpolated", fnmr: "≈ 1.2 %", fmr: "< 0.2 %" });
    expect(estimateErrorRates(80)).toMatchObject({ basis: "bound", fnmr: "> 2.3 %" });
    expect(estimateErrorRates(30)).toMatchObject({ basis: "bound", fnmr: "0 %" });
  });
});
