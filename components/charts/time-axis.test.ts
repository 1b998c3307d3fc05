import { describe, expect, it } from "vitest";
import { timeAxis } from "./time-axis";

const labels = (maxMinutes: number) => {
  const a = timeAxis(maxMinutes);
  return a.ticks.map(a.format);
};

describe("timeAxis", () => {
  it("picks one unit for the axis and ticks that never repeat", () => {
    // a 7 s median decision (automatic approvals): seconds, not "0.1 min"
    expect(labels(0.12)).toEqual(["0 s", "2 s", "4 s", "6 s", "8 s"]);
    expect(labels(0.0015)).toEqual(["0 ms", "50 ms", "100 ms"]);
    expect(labels(45)).toEqual(["0 min", "20 min", "40 min", "60 min"]);
    expect(labels(300)).toEqual(["0 h", "2 h", "4 h", "6 h"]);
    expect(labels(4 * 1440)).toEqual(["0 d", "1 d", "2 d", "3 d", "4 d"]);
    for (const max of [0.0004, 0.003, 0.07, 0.5, 1.3, 7, 90, 200, 3000, 50_000]) {
      const l = labels(max);
      expect(new Set(l).size, `${max}: ${l.join(", ")}`).toBe(l.length);
      const a = timeAxis(max);
      expect(a.ticks.at(-1)! * (1 / a.perMinute)).toBeGreaterThanOrEqual(max - 1e-12);
    }
  });
  it("uses decimals only when the step needs them", () => {
    expect(labels(1.2 / 60)).toEqual(["0.0 s", "0.5 s", "1.0 s", "1.5 s"]);
  });
  it("copes with an empty chart", () => {
    expect(timeAxis(0).ticks.length).toBeGreaterThan(1);
  });
});
